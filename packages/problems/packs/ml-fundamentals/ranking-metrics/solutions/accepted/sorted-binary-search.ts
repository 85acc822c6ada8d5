// Per user: relevant items sorted in a typed array (membership by binary search, one "credited"
// flag per relevant item), and the ideal DCG from a count of each grade. O((k + R) log R) per user.
function rankingMetrics(
  ranked: number[][],
  relevant: number[][],
  grades: number[][],
  k: number,
): { recall: number; ndcg: number }[] {
  const out: { recall: number; ndcg: number }[] = [];
  for (let u = 0; u < ranked.length; u++) {
    const r = relevant[u].length;
    if (r === 0) {
      out.push({ recall: 0, ndcg: 0 });
      continue;
    }
    // Sort (item, grade) pairs natively as item * 8 + grade (exact: below 2^53).
    const keys = new Float64Array(r);
    for (let j = 0; j < r; j++) keys[j] = relevant[u][j] * 8 + grades[u][j];
    keys.sort();
    const items = new Float64Array(r);
    const gains = new Float64Array(r);
    for (let j = 0; j < r; j++) {
      const grade = keys[j] % 8;
      items[j] = (keys[j] - grade) / 8;
      gains[j] = 2 ** grade - 1;
    }
    const credited = new Uint8Array(r);
    const list = ranked[u];
    let hits = 0;
    let dcg = 0;
    for (let i = 0; i < list.length && i < k; i++) {
      let lo = 0;
      let hi = r - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid] < list[i]) lo = mid + 1;
        else hi = mid;
      }
      if (items[lo] !== list[i] || credited[lo]) continue;
      credited[lo] = 1;
      hits++;
      dcg += gains[lo] / Math.log2(i + 2);
    }
    const perGrade = new Array<number>(6).fill(0);
    for (const g of grades[u]) perGrade[g]++;
    let idcg = 0;
    let position = 1;
    for (let g = 5; g >= 1; g--) {
      for (let c = 0; c < perGrade[g] && position <= k; c++, position++) idcg += (2 ** g - 1) / Math.log2(position + 1);
    }
    out.push({ recall: hits / r, ndcg: dcg / idcg });
  }
  return out;
}
