/**
 * Per user: a Map from relevant item to grade, a Set of items already credited, and the ideal DCG
 * from the grades sorted in descending order. O(k + R log R) per user.
 * @param {number[][]} ranked
 * @param {number[][]} relevant
 * @param {number[][]} grades
 * @param {number} k
 * @return {{ recall: number, ndcg: number }[]}
 */
function rankingMetrics(ranked, relevant, grades, k) {
  const result = [];
  for (let u = 0; u < ranked.length; u++) {
    const rel = relevant[u];
    if (rel.length === 0) {
      result.push({ recall: 0, ndcg: 0 });
      continue;
    }
    const gradeOf = new Map();
    for (let j = 0; j < rel.length; j++) gradeOf.set(rel[j], grades[u][j]);
    const credited = new Set();
    const list = ranked[u];
    const top = Math.min(k, list.length);
    let hits = 0;
    let dcg = 0;
    for (let i = 0; i < top; i++) {
      const item = list[i];
      const grade = gradeOf.get(item);
      if (grade === undefined || credited.has(item)) continue;
      credited.add(item);
      hits++;
      dcg += (2 ** grade - 1) / Math.log2(i + 2);
    }
    const ideal = grades[u].slice().sort((a, b) => b - a);
    let idcg = 0;
    for (let j = 0; j < Math.min(k, ideal.length); j++) idcg += (2 ** ideal[j] - 1) / Math.log2(j + 2);
    result.push({ recall: hits / rel.length, ndcg: dcg / idcg });
  }
  return result;
}
