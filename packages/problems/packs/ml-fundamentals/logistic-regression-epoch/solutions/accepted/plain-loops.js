// @idiomatic
// Each epoch: predict every sample, accumulate the gradient, then update the weights and the bias.
function trainLogistic(X, y, weights, bias, learningRate, epochs) {
  const n = X.length;
  const d = weights.length;
  let w = [...weights];
  let b = bias;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Array(d).fill(0);
    let gradientBias = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * X[i][j];
      const error = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < d; j++) gradient[j] += error * X[i][j];
      gradientBias += error;
    }
    w = w.map((wj, j) => wj - (learningRate * gradient[j]) / n);
    b -= (learningRate * gradientBias) / n;
  }
  return { weights: w, bias: b };
}
