// Computes each example's clipped loss once, but still adds up every range element by element: O(n·q).
function logLoss(labels, probabilities, eps, queries) {
  const n = labels.length;
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    loss[i] = labels[i] === 1 ? -Math.log(p) : -Math.log(1 - p);
  }
  return queries.map(([start, end]) => {
    let sum = 0;
    for (let i = start; i < end; i++) sum += loss[i];
    return sum / (end - start);
  });
}
