// Treats precision as 1 when nothing is predicted positive (the "no false positives" convention).
function precisionRecallF1(labels, scores, thresholds) {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const positivesFrom = new Array(n + 1).fill(0);
  for (let k = n - 1; k >= 0; k--) positivesFrom[k] = positivesFrom[k + 1] + labels[order[k]];
  const positives = positivesFrom[0];
  return thresholds.map((t) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scores[order[mid]] >= t) hi = mid;
      else lo = mid + 1;
    }
    const predicted = n - lo;
    const tp = positivesFrom[lo];
    const precision = predicted === 0 ? 1 : tp / predicted;
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  });
}
