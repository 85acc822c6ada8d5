// @idiomatic
// One pass for the errors and the mean of the targets, a second pass for the spread around that mean.
function regressionMetrics(targets, predictions) {
  const n = targets.length;
  let absSum = 0;
  let squaredSum = 0;
  let targetSum = 0;
  for (let i = 0; i < n; i++) {
    const error = targets[i] - predictions[i];
    absSum += Math.abs(error);
    squaredSum += error * error;
    targetSum += targets[i];
  }
  const mean = targetSum / n;
  let total = 0;
  for (const y of targets) total += (y - mean) * (y - mean);
  const allEqual = targets.every((y) => y === targets[0]);
  let r2;
  if (allEqual) r2 = squaredSum === 0 ? 1 : 0;
  else r2 = 1 - squaredSum / total;
  return { mae: absSum / n, rmse: Math.sqrt(squaredSum / n), r2 };
}
