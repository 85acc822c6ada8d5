/**
 * Each step makes one pass over the rows: the row's prediction, then its residual added into the
 * gradient. O(n · d) per step.
 * @param {number[][]} X
 * @param {number[]} y
 * @param {number[]} weights
 * @param {number} bias
 * @param {number} learningRate
 * @param {number} epochs
 * @return {{weights: number[], bias: number}}
 */
function trainLogistic(X, y, weights, bias, learningRate, epochs) {
  const n = X.length;
  const d = weights.length;
  const w = Float64Array.from(weights);
  const grad = new Float64Array(d);
  let b = bias;
  for (let e = 0; e < epochs; e++) {
    grad.fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      const row = X[i];
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * row[j];
      const residual = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < d; j++) grad[j] += residual * row[j];
      gradB += residual;
    }
    for (let j = 0; j < d; j++) w[j] -= (learningRate * grad[j]) / n;
    b -= (learningRate * gradB) / n;
  }
  return { weights: Array.from(w), bias: b };
}
