// For every candidate threshold, recomputes both leaves' sums by scanning all n samples again:
// O(d · n²).
function boostingStep(X, y, F, learningRate) {
  const n = X.length;
  const d = X[0].length;
  const r = y.map((v, i) => v - F[i]);
  const mean = r.reduce((a, b) => a + b, 0) / n;
  let best = { feature: -1, threshold: 0, left: mean, right: mean };
  let bestSse = Infinity;
  const scale = 1 + r.reduce((a, b) => a + b * b, 0);
  for (let f = 0; f < d; f++) {
    const values = [...new Set(X.map((row) => row[f]))].sort((a, b) => a - b);
    for (let t = 0; t + 1 < values.length; t++) {
      const threshold = (values[t] + values[t + 1]) / 2;
      let sl = 0;
      let nl = 0;
      let sr = 0;
      let nr = 0;
      for (let i = 0; i < n; i++) {
        if (X[i][f] <= threshold) {
          sl += r[i];
          nl++;
        } else {
          sr += r[i];
          nr++;
        }
      }
      let sse = 0;
      for (let i = 0; i < n; i++) sse += (r[i] - (X[i][f] <= threshold ? sl / nl : sr / nr)) ** 2;
      if (sse < bestSse - 1e-9 * scale) {
        bestSse = sse;
        best = { feature: f, threshold, left: sl / nl, right: sr / nr };
      }
    }
  }
  const predictions = F.map((p, i) => {
    const left = best.feature === -1 || X[i][best.feature] <= best.threshold;
    return p + learningRate * (left ? best.left : best.right);
  });
  return { ...best, predictions };
}
