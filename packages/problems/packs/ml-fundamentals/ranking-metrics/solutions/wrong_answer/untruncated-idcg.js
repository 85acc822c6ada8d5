// Builds the ideal DCG from every relevant item instead of only the best k.
function rankingMetrics(ranked, relevant, grades, k) {
  return ranked.map((list, u) => {
    const rel = relevant[u];
    if (rel.length === 0) return { recall: 0, ndcg: 0 };
    const gradeOf = new Map(rel.map((item, j) => [item, grades[u][j]]));
    const credited = new Set();
    let dcg = 0;
    list.slice(0, k).forEach((item, i) => {
      if (!gradeOf.has(item) || credited.has(item)) return;
      credited.add(item);
      dcg += (2 ** gradeOf.get(item) - 1) / Math.log2(i + 2);
    });
    const ideal = grades[u].slice().sort((a, b) => b - a);
    const idcg = ideal.reduce((s, g, j) => s + (2 ** g - 1) / Math.log2(j + 2), 0);
    return { recall: credited.size / rel.length, ndcg: dcg / idcg };
  });
}
