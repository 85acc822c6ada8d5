// Compares every pair of documents, building both shingle sets for each comparison: O(n^2 · L).
function findNearDuplicates(docs, k, thresholdPercent) {
  const shinglesOf = (doc) => {
    const words = doc === '' ? [] : doc.split(' ');
    const set = new Set();
    for (let s = 0; s + k <= words.length; s++) set.add(words.slice(s, s + k).join(' '));
    return set;
  };
  const result = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = shinglesOf(docs[i]);
      const b = shinglesOf(docs[j]);
      let inter = 0;
      for (const s of a) if (b.has(s)) inter++;
      const union = a.size + b.size - inter;
      if (union > 0 && 100 * inter >= thresholdPercent * union) result.push([i, j]);
    }
  }
  return result;
}
