// Per feature: sort (value, label) pairs, then walk the groups of equal values, keeping per-class
// counts on the left and computing both Gini impurities from the classes present. O(d · (n log n + n·C)).
function bestStump(X: number[][], y: number[]): { feature: number; threshold: number; impurity: number } {
  const n = X.length;
  const d = X[0].length;
  const present = [...new Set(y)];
  const classes = Math.max(...present) + 1;
  const total = new Array<number>(classes).fill(0);
  for (const c of y) total[c]++;
  const gini = (counts: (c: number) => number, size: number): number => {
    let s = 1;
    for (const c of present) s -= (counts(c) / size) ** 2;
    return s;
  };
  const candidates: { feature: number; threshold: number; impurity: number }[] = [];
  for (let f = 0; f < d; f++) {
    const pairs = X.map((row, i) => [row[f], y[i]]).sort((p, q) => p[0] - q[0]);
    const left = new Array<number>(classes).fill(0);
    let i = 0;
    while (i < n) {
      const value = pairs[i][0];
      while (i < n && pairs[i][0] === value) left[pairs[i++][1]]++;
      if (i === n) break;
      const nLeft = i;
      const nRight = n - i;
      const impurity =
        (nLeft / n) * gini((c) => left[c], nLeft) + (nRight / n) * gini((c) => total[c] - left[c], nRight);
      candidates.push({ feature: f, threshold: (value + pairs[i][0]) / 2, impurity });
    }
  }
  if (candidates.length === 0) return { feature: -1, threshold: 0, impurity: gini((c) => total[c], n) };
  const min = candidates.reduce((m, c) => Math.min(m, c.impurity), Number.POSITIVE_INFINITY);
  return candidates.find((c) => c.impurity <= min + 1e-9) as { feature: number; threshold: number; impurity: number };
}
