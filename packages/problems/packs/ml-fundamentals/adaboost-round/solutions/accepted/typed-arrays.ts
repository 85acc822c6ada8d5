// Single pass per learner over Float64Array weights; the update multiplies by e^(−α) or e^(α).
// The weights go back as a plain array (a typed array inside a struct needs the judge's [J70]).
function adaboostRound(
  predictions: number[][],
  y: number[],
  weights: number[],
): { learner: number; error: number; alpha: number; weights: number[] } {
  const n = y.length;
  const w = Float64Array.from(weights);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  const errors = new Float64Array(predictions.length);
  let min = Number.POSITIVE_INFINITY;
  predictions.forEach((h, j) => {
    let wrong = 0;
    for (let i = 0; i < n; i++) if (h[i] !== y[i]) wrong += w[i];
    errors[j] = wrong / total;
    min = Math.min(min, errors[j]);
  });
  const learner = errors.findIndex((e) => e <= min + 1e-9);
  const error = errors[learner];
  const eps = Math.min(Math.max(error, 1e-10), 1 - 1e-10);
  const alpha = 0.5 * Math.log((1 - eps) / eps);
  const right = Math.exp(-alpha);
  const wrong = Math.exp(alpha);
  const h = predictions[learner];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    w[i] *= h[i] === y[i] ? right : wrong;
    sum += w[i];
  }
  for (let i = 0; i < n; i++) w[i] /= sum;
  return { learner, error, alpha, weights: Array.from(w) };
}
