// Divides the squared errors by n − 1 (the sample-variance habit) in RMSE: wrong for every n > 1,
// and a division by zero for a single example.
function regressionMetrics(targets: number[], predictions: number[]): { mae: number; rmse: number; r2: number } {
  const n = targets.length;
  const errors = targets.map((y, i) => y - predictions[i]);
  const ssRes = errors.reduce((s, e) => s + e * e, 0);
  const yBar = targets.reduce((s, y) => s + y, 0) / n;
  const ssTot = targets.reduce((s, y) => s + (y - yBar) ** 2, 0);
  const constant = targets.every((y) => y === targets[0]);
  const r2 = constant ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { mae: errors.reduce((s, e) => s + Math.abs(e), 0) / n, rmse: Math.sqrt(ssRes / (n - 1)), r2 };
}
