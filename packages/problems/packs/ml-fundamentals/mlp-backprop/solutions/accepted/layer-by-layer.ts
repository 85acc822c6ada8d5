// Layer by layer over the whole batch in flat Float64Arrays: A = X·W1 + b1, H = ReLU(A),
// Z = H·W2 + b2, then dZ = (softmax(Z) − Y) / n, dW2 = Hᵀ·dZ, dA = (dZ·W2ᵀ) ⊙ [A > 0], dW1 = Xᵀ·dA.
// O(n · h · (d + C)).
type Gradients = { loss: number; dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] };

function mlpBackprop(
  X: number[][],
  y: number[],
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
): Gradients {
  const n = X.length;
  const d = W1.length;
  const h = b1.length;
  const C = b2.length;
  const A = new Float64Array(n * h);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    const out = A.subarray(i * h, (i + 1) * h);
    out.set(b1);
    for (let j = 0; j < d; j++) {
      const x = row[j];
      const w = W1[j];
      for (let u = 0; u < h; u++) out[u] += x * w[u];
    }
  }
  const H = A.map((v) => Math.max(v, 0));
  const dZ = new Float64Array(n * C);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = dZ.subarray(i * C, (i + 1) * C);
    z.set(b2);
    for (let u = 0; u < h; u++) {
      const v = H[i * h + u];
      if (v === 0) continue;
      const w = W2[u];
      for (let k = 0; k < C; k++) z[k] += v * w[k];
    }
    let max = -Infinity;
    for (let k = 0; k < C; k++) if (z[k] > max) max = z[k];
    let sum = 0;
    for (let k = 0; k < C; k++) sum += Math.exp(z[k] - max);
    const logSum = max + Math.log(sum);
    loss += logSum - z[y[i]];
    for (let k = 0; k < C; k++) z[k] = Math.exp(z[k] - logSum) / n;
    z[y[i]] -= 1 / n;
  }
  const dW2 = Array.from({ length: h }, () => new Float64Array(C));
  const db2 = new Float64Array(C);
  const dA = new Float64Array(n * h);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < C; k++) db2[k] += dZ[i * C + k];
    for (let u = 0; u < h; u++) {
      const v = H[i * h + u];
      if (v === 0) continue; // ReLU'(a) = 0 for a <= 0, and H is 0 exactly there
      const g = dW2[u];
      const w = W2[u];
      let back = 0;
      for (let k = 0; k < C; k++) {
        g[k] += v * dZ[i * C + k];
        back += dZ[i * C + k] * w[k];
      }
      dA[i * h + u] = back;
    }
  }
  const dW1 = Array.from({ length: d }, () => new Float64Array(h));
  const db1 = new Float64Array(h);
  for (let i = 0; i < n; i++) {
    const da = dA.subarray(i * h, (i + 1) * h);
    for (let u = 0; u < h; u++) db1[u] += da[u];
    const row = X[i];
    for (let j = 0; j < d; j++) {
      const x = row[j];
      const g = dW1[j];
      for (let u = 0; u < h; u++) g[u] += x * da[u];
    }
  }
  return {
    loss: loss / n,
    dW1: dW1.map((row) => Array.from(row)),
    db1: Array.from(db1),
    dW2: dW2.map((row) => Array.from(row)),
    db2: Array.from(db2),
  };
}
