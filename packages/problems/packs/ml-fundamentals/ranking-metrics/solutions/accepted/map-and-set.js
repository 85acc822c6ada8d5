// @idiomatic
// Per user: a Map from relevant item to grade, a Set of items already counted, and the ideal DCG from
// the grades sorted in descending order.
function rankingMetrics(ranked, relevant, grades, k) {
  const result = [];
  for (let u = 0; u < ranked.length; u++) {
    if (relevant[u].length === 0) {
      result.push({ recall: 0, ndcg: 0 });
      continue;
    }
    const gradeOf = new Map();
    for (let j = 0; j < relevant[u].length; j++) gradeOf.set(relevant[u][j], grades[u][j]);
    const seen = new Set();
    let hits = 0;
    let dcg = 0;
    const top = Math.min(k, ranked[u].length);
    for (let i = 0; i < top; i++) {
      const item = ranked[u][i];
      if (seen.has(item)) continue;
      seen.add(item);
      if (gradeOf.has(item)) {
        hits++;
        dcg += (2 ** gradeOf.get(item) - 1) / Math.log2(i + 2);
      }
    }
    const ideal = [...grades[u]].sort((a, b) => b - a);
    let idcg = 0;
    for (let j = 0; j < Math.min(k, ideal.length); j++) idcg += (2 ** ideal[j] - 1) / Math.log2(j + 2);
    result.push({ recall: hits / relevant[u].length, ndcg: dcg / idcg });
  }
  return result;
}
