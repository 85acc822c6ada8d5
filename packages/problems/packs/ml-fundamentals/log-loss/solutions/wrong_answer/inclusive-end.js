// Reads each query as the inclusive range [start, end] instead of [start, end).
function logLoss(labels, probabilities, eps, queries) {
  const n = labels.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    prefix[i + 1] = prefix[i] - (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
  }
  return queries.map(([start, end]) => {
    const last = Math.min(end, n - 1);
    return (prefix[last + 1] - prefix[start]) / (last - start + 1);
  });
}
