// Right scores, but among equally good splits it keeps the last one (largest feature and threshold).
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
  const window = 1e-9 * (1 + totalSq);
  let best = { feature: -1, threshold: 0, left: total / n, right: total / n };
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
      const nRight = n - nLeft;
      const rightSum = total - leftSum;
      const sse = totalSq - (leftSum * leftSum) / nLeft - (rightSum * rightSum) / nRight;
      // Features in order and thresholds ascending: only a clearly better split replaces the best.
      if (sse <= bestSse + window) {
        bestSse = Math.min(bestSse, sse);
        best = { feature: f, threshold: (a + b) / 2, left: leftSum / nLeft, right: rightSum / nRight };
      }
    }
  }
  const predictions = F.map((p, i) => {
    const goesLeft = best.feature === -1 || X[i][best.feature] <= best.threshold;
    return p + learningRate * (goesLeft ? best.left : best.right);
  });
  return { ...best, predictions };
}
