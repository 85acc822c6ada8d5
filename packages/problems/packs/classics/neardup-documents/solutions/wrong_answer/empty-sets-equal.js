// Takes the Jaccard similarity of two empty shingle sets to be 1, so documents shorter than k words
// pair up with each other.
function findNearDuplicates(docs, k, thresholdPercent) {
  const sets = docs.map((doc) => {
    const words = doc === '' ? [] : doc.split(' ');
    const set = new Set();
    for (let s = 0; s + k <= words.length; s++) set.add(words.slice(s, s + k).join(' '));
    return set;
  });
  const index = new Map();
  const empty = [];
  const result = [];
  sets.forEach((set, d) => {
    if (set.size === 0) {
      for (const other of empty) result.push([other, d]);
      empty.push(d);
      return;
    }
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
      if (100 * inter >= thresholdPercent * union) result.push([other, d]);
    }
  });
  return result;
}
