// Small helpers over plain arrays: the mean, and sums of squared deviations taken around the mean.
function regressionMetrics(targets: number[], predictions: number[]): { mae: number; rmse: number; r2: number } {
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const errors = targets.map((y, i) => y - predictions[i]);
  const ssRes = errors.reduce((s, e) => s + e * e, 0);
  const yBar = mean(targets);
  const ssTot = targets.reduce((s, y) => s + (y - yBar) ** 2, 0);
  const constant = targets.every((y) => y === targets[0]);
  const r2 = constant ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { mae: mean(errors.map(Math.abs)), rmse: Math.sqrt(ssRes / targets.length), r2 };
}
