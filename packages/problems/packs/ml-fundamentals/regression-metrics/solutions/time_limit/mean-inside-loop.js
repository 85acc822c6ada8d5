// Recomputes the mean of the targets inside the loop over the targets: O(n²).
function regressionMetrics(targets, predictions) {
  const n = targets.length;
  let absSum = 0;
  let squaredSum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const error = targets[i] - predictions[i];
    absSum += Math.abs(error);
    squaredSum += error * error;
    const mean = targets.reduce((s, y) => s + y, 0) / n;
    total += (targets[i] - mean) ** 2;
  }
  const constant = targets.every((y) => y === targets[0]);
  const r2 = constant ? (squaredSum === 0 ? 1 : 0) : 1 - squaredSum / total;
  return { mae: absSum / n, rmse: Math.sqrt(squaredSum / n), r2 };
}
