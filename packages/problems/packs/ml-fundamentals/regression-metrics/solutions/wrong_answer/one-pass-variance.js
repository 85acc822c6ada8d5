// Accumulates Σy and Σy² in the same loop and takes SS_tot = Σy² − (Σy)² / n: for targets near 10^9
// both terms are ~10^19 and their small difference is lost to rounding (catastrophic cancellation).
function regressionMetrics(targets, predictions) {
  const n = targets.length;
  let absSum = 0;
  let squaredSum = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    const error = targets[i] - predictions[i];
    absSum += Math.abs(error);
    squaredSum += error * error;
    sum += targets[i];
    sumOfSquares += targets[i] * targets[i];
  }
  const total = sumOfSquares - (sum * sum) / n;
  const constant = targets.every((y) => y === targets[0]);
  const r2 = constant ? (squaredSum === 0 ? 1 : 0) : 1 - squaredSum / total;
  return { mae: absSum / n, rmse: Math.sqrt(squaredSum / n), r2 };
}
