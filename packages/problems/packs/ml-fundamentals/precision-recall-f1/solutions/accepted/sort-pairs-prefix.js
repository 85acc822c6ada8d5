// @idiomatic
// Sort the examples by score, highest first, and count the positives seen so far; for each threshold a
// binary search finds how many examples score at least the threshold.
function precisionRecallF1(labels, scores, thresholds) {
  const examples = scores.map((score, i) => ({ score, label: labels[i] }));
  examples.sort((a, b) => b.score - a.score);
  const positivesSoFar = [0];
  for (const e of examples) positivesSoFar.push(positivesSoFar[positivesSoFar.length - 1] + e.label);
  const totalPositives = positivesSoFar[examples.length];
  const result = [];
  for (const t of thresholds) {
    // the number of examples with score >= t
    let lo = 0;
    let hi = examples.length;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (examples[mid].score >= t) lo = mid + 1;
      else hi = mid;
    }
    const tp = positivesSoFar[lo];
    const precision = lo === 0 ? 0 : tp / lo;
    const recall = totalPositives === 0 ? 0 : tp / totalPositives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    result.push({ precision, recall, f1 });
  }
  return result;
}
