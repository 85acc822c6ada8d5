// Numerical gradients: nudges every parameter by ±1e-6 and re-runs the whole forward pass for each
// (central differences). Two forward passes per parameter, O(n · h · (d + C)) each: O((n · h · (d + C))²)
// in all. (Near a ReLU kink it is also inexact.)
function mlpBackprop(X, y, W1, b1, W2, b2) {
  const n = X.length;
  const C = b2.length;
  const lossOf = () => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const hidden = b1.map((bias, u) => {
        let a = bias;
        for (let j = 0; j < X[i].length; j++) a += X[i][j] * W1[j][u];
        return Math.max(a, 0);
      });
      const z = b2.map((bias, k) => {
        let s = bias;
        for (let u = 0; u < hidden.length; u++) s += hidden[u] * W2[u][k];
        return s;
      });
      const max = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < C; k++) sum += Math.exp(z[k] - max);
      total += max + Math.log(sum) - z[y[i]];
    }
    return total / n;
  };
  const eps = 1e-6;
  const numerical = (values, index) => {
    const saved = values[index];
    values[index] = saved + eps;
    const up = lossOf();
    values[index] = saved - eps;
    const down = lossOf();
    values[index] = saved;
    return (up - down) / (2 * eps);
  };
  return {
    loss: lossOf(),
    dW1: W1.map((row) => row.map((_, u) => numerical(row, u))),
    db1: b1.map((_, u) => numerical(b1, u)),
    dW2: W2.map((row) => row.map((_, k) => numerical(row, k))),
    db2: b2.map((_, k) => numerical(b2, k)),
  };
}
