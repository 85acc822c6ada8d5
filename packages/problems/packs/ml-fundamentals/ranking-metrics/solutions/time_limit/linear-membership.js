// Looks each of the top k items up with indexOf on the relevant list: O(k · R) per user.
function rankingMetrics(ranked, relevant, grades, k) {
  const result = [];
  for (let u = 0; u < ranked.length; u++) {
    const rel = relevant[u];
    if (rel.length === 0) {
      result.push({ recall: 0, ndcg: 0 });
      continue;
    }
    const credited = new Array(rel.length).fill(false);
    let hits = 0;
    let dcg = 0;
    for (let i = 0; i < Math.min(k, ranked[u].length); i++) {
      const j = rel.indexOf(ranked[u][i]);
      if (j < 0 || credited[j]) continue;
      credited[j] = true;
      hits++;
      dcg += (2 ** grades[u][j] - 1) / Math.log2(i + 2);
    }
    const ideal = grades[u].slice().sort((a, b) => b - a);
    let idcg = 0;
    for (let j = 0; j < Math.min(k, ideal.length); j++) idcg += (2 ** ideal[j] - 1) / Math.log2(j + 2);
    result.push({ recall: hits / rel.length, ndcg: dcg / idcg });
  }
  return result;
}
