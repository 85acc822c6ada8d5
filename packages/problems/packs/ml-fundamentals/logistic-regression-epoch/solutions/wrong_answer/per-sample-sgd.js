// Updates the parameters after every sample (stochastic gradient descent) instead of once per step.
function trainLogistic(X, y, weights, bias, learningRate, epochs) {
  const n = X.length;
  const d = weights.length;
  const w = weights.slice();
  let b = bias;
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * X[i][j];
      const r = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < d; j++) w[j] -= (learningRate * r * X[i][j]) / n;
      b -= (learningRate * r) / n;
    }
  }
  return { weights: w, bias: b };
}
