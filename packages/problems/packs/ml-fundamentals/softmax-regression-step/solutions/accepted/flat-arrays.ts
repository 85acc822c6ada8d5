// Flat Float64Array buffers: logits Z = X·W + b, probabilities in place (shifted by each row's
// maximum), the residual P − Y scaled by 1/n, then Xᵀ·residual. O(n · d · C).
function softmaxStep(
  X: number[][],
  y: number[],
  W: number[][],
  b: number[],
  learningRate: number,
  l2: number,
): { W: number[][]; b: number[]; loss: number } {
  const n = X.length;
  const d = W.length;
  const C = b.length;
  const w = new Float64Array(d * C);
  for (let j = 0; j < d; j++) w.set(W[j], j * C);
  const residual = new Float64Array(n * C);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = X[i];
    const base = i * C;
    for (let k = 0; k < C; k++) residual[base + k] = b[k];
    for (let j = 0; j < d; j++) {
      const x = row[j];
      if (x === 0) continue;
      const off = j * C;
      for (let k = 0; k < C; k++) residual[base + k] += x * w[off + k];
    }
    let max = -Infinity;
    for (let k = 0; k < C; k++) max = Math.max(max, residual[base + k]);
    const trueLogit = residual[base + y[i]];
    let sum = 0;
    for (let k = 0; k < C; k++) {
      const e = Math.exp(residual[base + k] - max);
      residual[base + k] = e;
      sum += e;
    }
    loss += Math.log(sum) + max - trueLogit;
    for (let k = 0; k < C; k++) residual[base + k] = (residual[base + k] / sum - (k === y[i] ? 1 : 0)) / n;
  }
  const grad = new Float64Array(d * C);
  const gradB = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    const base = i * C;
    for (let k = 0; k < C; k++) gradB[k] += residual[base + k];
    for (let j = 0; j < d; j++) {
      const x = row[j];
      if (x === 0) continue;
      const off = j * C;
      for (let k = 0; k < C; k++) grad[off + k] += x * residual[base + k];
    }
  }
  let squares = 0;
  for (let t = 0; t < d * C; t++) squares += w[t] * w[t];
  const newW: number[][] = [];
  for (let j = 0; j < d; j++) {
    const out: number[] = new Array(C);
    for (let k = 0; k < C; k++) out[k] = w[j * C + k] - learningRate * (grad[j * C + k] + l2 * w[j * C + k]);
    newW.push(out);
  }
  const newB = b.map((bk, k) => bk - learningRate * gradB[k]);
  return { W: newW, b: newB, loss: loss / n + (l2 / 2) * squares };
}
