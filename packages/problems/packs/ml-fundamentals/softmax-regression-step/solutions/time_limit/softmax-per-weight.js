// Follows the partial derivatives one weight at a time: for every W[j][k] it recomputes every
// sample's softmax from scratch. O(n · d² · C²) instead of O(n · d · C).
function softmaxStep(X, y, W, b, learningRate, l2) {
  const n = X.length;
  const d = W.length;
  const C = b.length;
  const probabilities = (row) => {
    const z = [];
    for (let k = 0; k < C; k++) {
      let s = b[k];
      for (let j = 0; j < d; j++) s += row[j] * W[j][k];
      z.push(s);
    }
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, v) => a + v, 0);
    return { p: e.map((v) => v / sum), z, max, sum };
  };
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const { z, max, sum } = probabilities(X[i]);
    loss += max + Math.log(sum) - z[y[i]];
  }
  let squares = 0;
  for (const row of W) for (const w of row) squares += w * w;
  loss = loss / n + (l2 / 2) * squares;
  const newW = W.map((row) => row.slice());
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < C; k++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += (probabilities(X[i]).p[k] - (y[i] === k ? 1 : 0)) * X[i][j];
      newW[j][k] = W[j][k] - learningRate * (g / n + l2 * W[j][k]);
    }
  }
  const newB = b.map((bk, k) => {
    let g = 0;
    for (let i = 0; i < n; i++) g += probabilities(X[i]).p[k] - (y[i] === k ? 1 : 0);
    return bk - learningRate * (g / n);
  });
  return { W: newW, b: newB, loss };
}
