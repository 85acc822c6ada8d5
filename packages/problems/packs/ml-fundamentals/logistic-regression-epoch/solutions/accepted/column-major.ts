// Stores X by columns: z = X·w + b and the gradient Xᵀ(p − y) / n are both computed column by column,
// with a sigmoid that never exponentiates a positive number. O(n · d) per step.
function trainLogistic(
  X: number[][],
  y: number[],
  weights: number[],
  bias: number,
  learningRate: number,
  epochs: number,
): { weights: number[]; bias: number } {
  const n = X.length;
  const d = weights.length;
  const columns = Array.from({ length: d }, (_, j) => Float64Array.from(X, (row) => row[j]));
  const w = [...weights];
  let b = bias;
  const z = new Float64Array(n);
  const residual = new Float64Array(n);
  const sigmoid = (t: number): number => {
    if (t >= 0) return 1 / (1 + Math.exp(-t));
    const e = Math.exp(t);
    return e / (1 + e);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    z.fill(b);
    for (let j = 0; j < d; j++) {
      const col = columns[j];
      const wj = w[j];
      for (let i = 0; i < n; i++) z[i] += wj * col[i];
    }
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      residual[i] = sigmoid(z[i]) - y[i];
      gradB += residual[i];
    }
    for (let j = 0; j < d; j++) {
      const col = columns[j];
      let g = 0;
      for (let i = 0; i < n; i++) g += residual[i] * col[i];
      w[j] -= learningRate * (g / n);
    }
    b -= learningRate * (gradB / n);
  }
  return { weights: w, bias: b };
}
