// Computes R² as 1 − SS_res / SS_tot even when every target is equal: SS_tot = 0 gives NaN (perfect
// predictions, 0 / 0) or −Infinity instead of 1 or 0.
function regressionMetrics(targets, predictions) {
  const n = targets.length;
  let absSum = 0;
  let squaredSum = 0;
  for (let i = 0; i < n; i++) {
    const error = targets[i] - predictions[i];
    absSum += Math.abs(error);
    squaredSum += error * error;
  }
  const mean = targets.reduce((s, y) => s + y, 0) / n;
  const total = targets.reduce((s, y) => s + (y - mean) ** 2, 0);
  return { mae: absSum / n, rmse: Math.sqrt(squaredSum / n), r2: 1 - squaredSum / total };
}
