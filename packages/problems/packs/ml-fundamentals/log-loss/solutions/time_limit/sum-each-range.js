// Re-sums the clipped losses of every example in every range: O(n·q).
function logLoss(labels, probabilities, eps, queries) {
  return queries.map(([start, end]) => {
    let sum = 0;
    for (let i = start; i < end; i++) {
      const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
      sum -= labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
    }
    return sum / (end - start);
  });
}
