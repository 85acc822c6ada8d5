// @idiomatic
// A Map from each shingle (its words joined with spaces) to the documents holding it; for every
// document, a Map counts how many shingles it shares with each earlier one.
function findNearDuplicates(docs, k, thresholdPercent) {
  const index = new Map();
  const sets = docs.map((doc) => {
    const words = doc === '' ? [] : doc.split(' ');
    const own = new Set();
    for (let s = 0; s + k <= words.length; s++) own.add(words.slice(s, s + k).join(' '));
    return own;
  });
  const result = [];
  sets.forEach((own, d) => {
    const shared = new Map();
    for (const key of own) {
      if (!index.has(key)) index.set(key, []);
      const list = index.get(key);
      for (const other of list) shared.set(other, (shared.get(other) || 0) + 1);
      list.push(d);
    }
    for (const [other, inter] of shared) {
      const union = own.size + sets[other].size - inter;
      if (inter * 100 >= thresholdPercent * union) result.push([other, d]);
    }
  });
  return result;
}
