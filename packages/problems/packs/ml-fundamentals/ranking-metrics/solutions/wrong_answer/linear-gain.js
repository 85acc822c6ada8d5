// Uses the grade itself as the gain instead of 2^grade - 1.
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
      dcg += gradeOf.get(item) / Math.log2(i + 2);
    });
    const ideal = grades[u]
      .slice()
      .sort((a, b) => b - a)
      .slice(0, k);
    const idcg = ideal.reduce((s, g, j) => s + g / Math.log2(j + 2), 0);
    return { recall: credited.size / rel.length, ndcg: dcg / idcg };
  });
}
