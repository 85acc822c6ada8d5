// Sums the gradients over the batch instead of averaging them: the loss is the mean, so every
// gradient must carry its 1/n.
function mlpBackprop(X, y, W1, b1, W2, b2) {
  const n = X.length;
  const d = W1.length;
  const h = b1.length;
  const C = b2.length;
  const dW1 = W1.map((row) => row.map(() => 0));
  const db1 = new Array(h).fill(0);
  const dW2 = W2.map((row) => row.map(() => 0));
  const db2 = new Array(C).fill(0);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const a = b1.slice();
    for (let j = 0; j < d; j++) for (let u = 0; u < h; u++) a[u] += X[i][j] * W1[j][u];
    const hidden = a.map((v) => Math.max(v, 0));
    const z = b2.slice();
    for (let u = 0; u < h; u++) for (let k = 0; k < C; k++) z[k] += hidden[u] * W2[u][k];
    const max = Math.max(...z);
    let sum = 0;
    for (let k = 0; k < C; k++) sum += Math.exp(z[k] - max);
    loss += max + Math.log(sum) - z[y[i]];
    const dz = z.map((v, k) => Math.exp(v - max) / sum - (k === y[i] ? 1 : 0));
    const da = new Array(h).fill(0);
    for (let u = 0; u < h; u++) {
      for (let k = 0; k < C; k++) {
        dW2[u][k] += hidden[u] * dz[k];
        da[u] += dz[k] * W2[u][k];
      }
      if (a[u] <= 0) da[u] = 0;
    }
    for (let k = 0; k < C; k++) db2[k] += dz[k];
    for (let u = 0; u < h; u++) db1[u] += da[u];
    for (let j = 0; j < d; j++) for (let u = 0; u < h; u++) dW1[j][u] += X[i][j] * da[u];
  }
  return { loss: loss / n, dW1, db1, dW2, db2 };
}
