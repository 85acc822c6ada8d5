/**
 * Sorts the positives' and the negatives' scores separately; for each threshold, two binary searches
 * count how many of each are ≥ the threshold. O((n + q) log n).
 * @param {number[]} labels
 * @param {number[]} scores
 * @param {number[]} thresholds
 * @return {{precision: number, recall: number, f1: number}[]}
 */
function precisionRecallF1(labels, scores, thresholds) {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  const pos = new Float64Array(positives);
  const neg = new Float64Array(n - positives);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (labels[i] === 1) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  pos.sort();
  neg.sort();
  // number of values in the ascending array that are >= t
  const atLeast = (sorted, t) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] >= t) hi = mid;
      else lo = mid + 1;
    }
    return sorted.length - lo;
  };
  return thresholds.map((t) => {
    const tp = atLeast(pos, t);
    const predicted = tp + atLeast(neg, t);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  });
}
