// Uses the summed gradient instead of the average over the n samples.
function trainLogistic(X, y, weights, bias, learningRate, epochs) {
  const n = X.length;
  const d = weights.length;
  const w = weights.slice();
  let b = bias;
  for (let e = 0; e < epochs; e++) {
    const grad = new Array(d).fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * X[i][j];
      const r = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < d; j++) grad[j] += r * X[i][j];
      gradB += r;
    }
    for (let j = 0; j < d; j++) w[j] -= learningRate * grad[j];
    b -= learningRate * gradB;
  }
  return { weights: w, bias: b };
}
