// Measures SS_tot around the mean of the predictions instead of the mean of the targets.
function regressionMetrics(targets, predictions) {
  const n = targets.length;
  let absSum = 0;
  let squaredSum = 0;
  for (let i = 0; i < n; i++) {
    const error = targets[i] - predictions[i];
    absSum += Math.abs(error);
    squaredSum += error * error;
  }
  const mean = predictions.reduce((s, p) => s + p, 0) / n;
  const total = targets.reduce((s, y) => s + (y - mean) ** 2, 0);
  const constant = targets.every((y) => y === targets[0]);
  const r2 = constant ? (squaredSum === 0 ? 1 : 0) : 1 - squaredSum / total;
  return { mae: absSum / n, rmse: Math.sqrt(squaredSum / n), r2 };
}
