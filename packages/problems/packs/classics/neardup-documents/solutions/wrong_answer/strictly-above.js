// Requires the similarity to be strictly above the threshold: misses pairs exactly at it.
function findNearDuplicates(docs, k, thresholdPercent) {
  const sets = docs.map((doc) => {
    const words = doc === '' ? [] : doc.split(' ');
    const set = new Set();
    for (let s = 0; s + k <= words.length; s++) set.add(words.slice(s, s + k).join(' '));
    return set;
  });
  const index = new Map();
  const result = [];
  sets.forEach((set, d) => {
    const shared = new Map();
    for (const shingle of set) {
      const list = index.get(shingle);
      if (list === undefined) {
        index.set(shingle, [d]);
        continue;
      }
      for (const other of list) shared.set(other, (shared.get(other) ?? 0) + 1);
      list.push(d);
    }
    for (const [other, inter] of shared) {
      const union = set.size + sets[other].size - inter;
      if (inter / union > thresholdPercent / 100) result.push([other, d]);
    }
  });
  return result;
}
