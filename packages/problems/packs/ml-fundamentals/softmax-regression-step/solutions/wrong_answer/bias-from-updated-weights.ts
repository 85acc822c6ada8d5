// Updates W first and then computes the bias gradient from probabilities recomputed with the new W:
// the step must use one gradient, taken at the parameters before the update.
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
  const probabilities = (weights: number[][], row: number[]): { p: number[]; logSum: number; z: number[] } => {
    const z = b.slice();
    for (let j = 0; j < d; j++) for (let k = 0; k < C; k++) z[k] += row[j] * weights[j][k];
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, v) => a + v, 0);
    return { p: e.map((v) => v / sum), logSum: max + Math.log(sum), z };
  };
  let loss = 0;
  const gradW = W.map((row) => row.map(() => 0));
  for (let i = 0; i < n; i++) {
    const { p, logSum, z } = probabilities(W, X[i]);
    loss += logSum - z[y[i]];
    for (let k = 0; k < C; k++) {
      const error = p[k] - (k === y[i] ? 1 : 0);
      for (let j = 0; j < d; j++) gradW[j][k] += error * X[i][j];
    }
  }
  let squares = 0;
  for (const row of W) for (const w of row) squares += w * w;
  loss = loss / n + (l2 / 2) * squares;
  const newW = W.map((row, j) => row.map((w, k) => w - learningRate * (gradW[j][k] / n + l2 * w)));
  const gradB = new Array<number>(C).fill(0);
  for (let i = 0; i < n; i++) {
    const { p } = probabilities(newW, X[i]);
    for (let k = 0; k < C; k++) gradB[k] += p[k] - (k === y[i] ? 1 : 0);
  }
  const newB = b.map((bk, k) => bk - learningRate * (gradB[k] / n));
  return { W: newW, b: newB, loss };
}
