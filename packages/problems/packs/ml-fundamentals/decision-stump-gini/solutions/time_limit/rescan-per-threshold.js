// For every candidate threshold, counts the classes on each side by scanning all n samples again:
// O(d · n²).
function bestStump(X, y) {
  const n = X.length;
  const d = X[0].length;
  const gini = (counts, size) => {
    let s = 1;
    for (const k in counts) s -= (counts[k] / size) ** 2;
    return s;
  };
  const all = {};
  for (const c of y) all[c] = (all[c] || 0) + 1;
  let best = null;
  for (let f = 0; f < d; f++) {
    const values = [...new Set(X.map((row) => row[f]))].sort((a, b) => a - b);
    for (let t = 0; t + 1 < values.length; t++) {
      const threshold = (values[t] + values[t + 1]) / 2;
      const left = {};
      const right = {};
      let nLeft = 0;
      for (let i = 0; i < n; i++) {
        if (X[i][f] <= threshold) {
          left[y[i]] = (left[y[i]] || 0) + 1;
          nLeft++;
        } else right[y[i]] = (right[y[i]] || 0) + 1;
      }
      const nRight = n - nLeft;
      const impurity = (nLeft / n) * gini(left, nLeft) + (nRight / n) * gini(right, nRight);
      if (best === null || impurity < best.impurity - 1e-9) best = { feature: f, threshold, impurity };
    }
  }
  return best ?? { feature: -1, threshold: 0, impurity: gini(all, n) };
}
