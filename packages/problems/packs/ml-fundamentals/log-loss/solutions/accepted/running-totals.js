// @idiomatic
// Compute each example's clipped loss once, keep running totals, and answer each range from two totals.
function logLoss(labels, probabilities, eps, queries) {
  const prefix = [0];
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    const loss = labels[i] === 1 ? -Math.log(p) : -Math.log(1 - p);
    prefix.push(prefix[i] + loss);
  }
  return queries.map(([start, end]) => (prefix[end] - prefix[start]) / (end - start));
}
