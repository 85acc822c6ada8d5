// Ignores eps: a confident wrong prediction (p = 0 or 1) gives an infinite or NaN loss.
function logLoss(labels, probabilities, _eps, queries) {
  const n = labels.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    prefix[i + 1] = prefix[i] - (labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p));
  }
  return queries.map(([start, end]) => (prefix[end] - prefix[start]) / (end - start));
}
