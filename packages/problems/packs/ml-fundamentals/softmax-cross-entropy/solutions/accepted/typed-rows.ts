// Same log-sum-exp, written with a helper per row and the smoothing folded into one weighted sum:
// loss = LSE − (1 − ε)·z_y − (ε / C)·Σ z_c.
function crossEntropy(logits: number[][], labels: number[], smoothing: number): number {
  const logSumExp = (row: number[]): number => {
    let max = -Infinity;
    for (const z of row) if (z > max) max = z;
    let sum = 0;
    for (const z of row) sum += Math.exp(z - max);
    return max + Math.log(sum);
  };
  let total = 0;
  logits.forEach((row, i) => {
    const lse = logSumExp(row);
    let sumZ = 0;
    for (const z of row) sumZ += z;
    const mean = sumZ / row.length;
    total += (1 - smoothing) * (lse - row[labels[i]]) + smoothing * (lse - mean);
  });
  return total / logits.length;
}
