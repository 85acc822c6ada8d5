// Builds each document's shingle set once, then still compares every pair: O(n^2 · L) lookups.
function findNearDuplicates(docs, k, thresholdPercent) {
  const sets = docs.map((doc) => {
    const words = doc === '' ? [] : doc.split(' ');
    const set = new Set();
    for (let s = 0; s + k <= words.length; s++) set.add(words.slice(s, s + k).join(' '));
    return set;
  });
  const result = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i];
      const b = sets[j];
      let inter = 0;
      for (const s of a) if (b.has(s)) inter++;
      const union = a.size + b.size - inter;
      if (union > 0 && 100 * inter >= thresholdPercent * union) result.push([i, j]);
    }
  }
  return result;
}
