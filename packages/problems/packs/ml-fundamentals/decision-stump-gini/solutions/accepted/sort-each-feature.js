// @idiomatic
// For each feature, sort the sample indices by that feature and sweep the split point from left to
// right, keeping label counts on each side in Maps.
function bestStump(X, y) {
  const n = X.length;
  const d = X[0].length;
  const gini = (counts, size) => {
    let sum = 0;
    for (const c of counts.values()) sum += (c / size) ** 2;
    return 1 - sum;
  };
  const total = new Map();
  for (const label of y) total.set(label, (total.get(label) || 0) + 1);
  let best = { feature: -1, threshold: 0, impurity: gini(total, n) };
  let bestImpurity = Infinity;
  for (let f = 0; f < d; f++) {
    const order = [];
    for (let i = 0; i < n; i++) order.push(i);
    order.sort((a, b) => X[a][f] - X[b][f]);
    const left = new Map();
    const right = new Map(total);
    for (let k = 0; k < n - 1; k++) {
      const label = y[order[k]];
      left.set(label, (left.get(label) || 0) + 1);
      right.set(label, right.get(label) - 1);
      if (right.get(label) === 0) right.delete(label);
      const a = X[order[k]][f];
      const b = X[order[k + 1]][f];
      if (a === b) continue;
      const impurity = ((k + 1) / n) * gini(left, k + 1) + ((n - k - 1) / n) * gini(right, n - k - 1);
      // Features in order and thresholds ascending: only a clearly better split replaces the best.
      if (impurity < bestImpurity - 1e-9) {
        bestImpurity = impurity;
        best = { feature: f, threshold: (a + b) / 2, impurity };
      }
    }
  }
  return best;
}
