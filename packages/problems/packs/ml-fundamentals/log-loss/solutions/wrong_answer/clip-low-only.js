// Clips p from below to eps but not from above to 1 − eps.
function logLoss(labels, probabilities, eps, queries) {
  const n = labels.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = Math.max(probabilities[i], eps);
    prefix[i + 1] = prefix[i] - (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
  }
  return queries.map(([start, end]) => (prefix[end] - prefix[start]) / (end - start));
}
