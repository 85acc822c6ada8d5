/**
 * Computes each example's clipped loss once and answers every range from prefix sums: O(n + q).
 * @param {number[]} labels
 * @param {number[]} probabilities
 * @param {number} eps
 * @param {number[][]} queries
 * @return {number[]}
 */
function logLoss(labels, probabilities, eps, queries) {
  const n = labels.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    prefix[i + 1] = prefix[i] - (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
  }
  return queries.map(([start, end]) => (prefix[end] - prefix[start]) / (end - start));
}
