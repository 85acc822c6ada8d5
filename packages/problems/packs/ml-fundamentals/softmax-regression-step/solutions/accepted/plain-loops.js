// @idiomatic
// Logits row by row, a softmax shifted by the row's maximum, the loss as log-sum-exp minus the true
// logit, then the mean gradient plus l2 · W for the weights (not the bias) and one update.
function softmaxStep(X, y, W, b, learningRate, l2) {
  const n = X.length;
  const d = W.length;
  const C = b.length;
  const gradW = W.map((row) => row.map(() => 0));
  const gradB = new Array(C).fill(0);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = b.slice();
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < C; k++) z[k] += X[i][j] * W[j][k];
    }
    const max = Math.max(...z);
    let sum = 0;
    for (let k = 0; k < C; k++) sum += Math.exp(z[k] - max);
    loss += max + Math.log(sum) - z[y[i]];
    for (let k = 0; k < C; k++) {
      const error = Math.exp(z[k] - max) / sum - (k === y[i] ? 1 : 0);
      gradB[k] += error;
      for (let j = 0; j < d; j++) gradW[j][k] += error * X[i][j];
    }
  }
  let squares = 0;
  for (const row of W) for (const w of row) squares += w * w;
  loss = loss / n + (l2 / 2) * squares;
  const newW = W.map((row, j) => row.map((w, k) => w - learningRate * (gradW[j][k] / n + l2 * w)));
  const newB = b.map((bk, k) => bk - learningRate * (gradB[k] / n));
  return { W: newW, b: newB, loss };
}
