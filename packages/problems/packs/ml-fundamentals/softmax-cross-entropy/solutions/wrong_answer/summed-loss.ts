// Returns the sum of the per-example losses instead of their mean.
function crossEntropy(logits: number[][], labels: number[], smoothing: number): number {
  let total = 0;
  logits.forEach((row, i) => {
    const max = Math.max(...row);
    const lse = max + Math.log(row.reduce((s, z) => s + Math.exp(z - max), 0));
    const meanZ = row.reduce((s, z) => s + z, 0) / row.length;
    total += (1 - smoothing) * (lse - row[labels[i]]) + smoothing * (lse - meanZ);
  });
  return total;
}
