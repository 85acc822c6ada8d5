// Follows the formula weight by weight: for each partial derivative it recomputes every prediction
// from scratch. O(n · d²) per step.
function trainLogistic(X, y, weights, bias, learningRate, epochs) {
  const n = X.length;
  const d = weights.length;
  let w = weights.slice();
  let b = bias;
  const predict = (row) => {
    let z = b;
    for (let j = 0; j < d; j++) z += w[j] * row[j];
    return 1 / (1 + Math.exp(-z));
  };
  for (let e = 0; e < epochs; e++) {
    const next = w.slice();
    for (let j = 0; j < d; j++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += (predict(X[i]) - y[i]) * X[i][j];
      next[j] = w[j] - (learningRate * g) / n;
    }
    let gb = 0;
    for (let i = 0; i < n; i++) gb += predict(X[i]) - y[i];
    b -= (learningRate * gb) / n;
    w = next;
  }
  return { weights: w, bias: b };
}
