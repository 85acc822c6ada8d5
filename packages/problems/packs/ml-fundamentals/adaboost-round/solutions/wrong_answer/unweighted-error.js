// Picks the learner by its plain error rate (mistakes / n), ignoring the sample weights.
function adaboostRound(predictions, y, weights) {
  const n = y.length;
  let total = 0;
  for (const w of weights) total += w;
  const errors = predictions.map((h) => {
    let wrong = 0;
    for (let i = 0; i < n; i++) if (h[i] !== y[i]) wrong += 1;
    return wrong / n;
  });
  const min = Math.min(...errors);
  const learner = errors.findIndex((e) => e <= min + 1e-9);
  const error = errors[learner];
  const eps = Math.min(Math.max(error, 1e-10), 1 - 1e-10);
  const alpha = 0.5 * Math.log((1 - eps) / eps);
  const h = predictions[learner];
  const updated = weights.map((w, i) => w * Math.exp(-alpha * y[i] * h[i]));
  const sum = updated.reduce((a, b) => a + b, 0);
  return { learner, error, alpha, weights: updated.map((w) => w / sum) };
}
