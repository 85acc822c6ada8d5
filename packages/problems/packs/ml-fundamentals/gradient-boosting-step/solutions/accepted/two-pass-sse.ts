// Collects every candidate, then applies the stated window exactly: lowest SSE plus 1e-9 · (1 + Σr²),
// first in (feature, threshold) order. SSE from left/right sums and sums of squares.
function boostingStep(
  X: number[][],
  y: number[],
  F: number[],
  learningRate: number,
): { feature: number; threshold: number; left: number; right: number; predictions: number[] } {
  const n = X.length;
  const d = X[0].length;
  const r = y.map((v, i) => v - F[i]);
  const total = r.reduce((a, b) => a + b, 0);
  const totalSq = r.reduce((a, b) => a + b * b, 0);
  const candidates: { sse: number; feature: number; threshold: number; left: number; right: number }[] = [];
  for (let f = 0; f < d; f++) {
    const pairs = X.map((row, i) => [row[f], r[i]]).sort((p, q) => p[0] - q[0]);
    let s = 0;
    let sq = 0;
    for (let k = 0; k + 1 < n; k++) {
      s += pairs[k][1];
      sq += pairs[k][1] * pairs[k][1];
      if (pairs[k][0] === pairs[k + 1][0]) continue;
      const nl = k + 1;
      const nr = n - nl;
      const sse = sq - (s * s) / nl + (totalSq - sq) - ((total - s) * (total - s)) / nr;
      candidates.push({
        sse,
        feature: f,
        threshold: (pairs[k][0] + pairs[k + 1][0]) / 2,
        left: s / nl,
        right: (total - s) / nr,
      });
    }
  }
  const mean = total / n;
  let chosen = { feature: -1, threshold: 0, left: mean, right: mean };
  if (candidates.length > 0) {
    const lowest = candidates.reduce((m, c) => Math.min(m, c.sse), Number.POSITIVE_INFINITY);
    const c = candidates.find((c) => c.sse <= lowest + 1e-9 * (1 + totalSq));
    if (c) chosen = { feature: c.feature, threshold: c.threshold, left: c.left, right: c.right };
  }
  const predictions = F.map((p, i) => {
    const left = chosen.feature === -1 || X[i][chosen.feature] <= chosen.threshold;
    return p + learningRate * (left ? chosen.left : chosen.right);
  });
  return { ...chosen, predictions };
}
