// Keys each shingle by its words joined with no separator, so "ab c" and "a bc" are the same shingle.
function findNearDuplicates(docs, k, thresholdPercent) {
  const index = new Map();
  const sets = docs.map((doc) => {
    const words = doc === '' ? [] : doc.split(' ');
    const own = new Set();
    for (let s = 0; s + k <= words.length; s++) own.add(words.slice(s, s + k).join(''));
    return own;
  });
  const result = [];
  sets.forEach((own, d) => {
    const shared = new Map();
    for (const key of own) {
      const list = index.get(key) ?? [];
      for (const other of list) shared.set(other, (shared.get(other) ?? 0) + 1);
      list.push(d);
      index.set(key, list);
    }
    for (const [other, inter] of shared) {
      const union = own.size + sets[other].size - inter;
      if (100 * inter >= thresholdPercent * union) result.push([other, d]);
    }
  });
  return result;
}
