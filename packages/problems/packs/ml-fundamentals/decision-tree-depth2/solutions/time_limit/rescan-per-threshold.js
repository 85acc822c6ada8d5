// For every candidate threshold, counts the labels on each side by scanning all of the node's
// samples again: O(n^2) per feature and node.
function fitDepth2Tree(X, y, queries) {
  const d = X[0].length;
  const entropy = (labels) => {
    const counts = new Map();
    for (const l of labels) counts.set(l, (counts.get(l) || 0) + 1);
    let h = 0;
    for (const c of counts.values()) h -= (c / labels.length) * Math.log2(c / labels.length);
    return h;
  };
  const majority = (rows) => {
    const counts = new Map();
    for (const i of rows) counts.set(y[i], (counts.get(y[i]) || 0) + 1);
    let best = -1;
    let bestCount = 0;
    for (const [label, count] of counts) {
      if (count > bestCount || (count === bestCount && label < best)) {
        best = label;
        bestCount = count;
      }
    }
    return best;
  };
  const build = (rows, depth) => {
    let best = null;
    if (depth < 2) {
      const parent = entropy(rows.map((i) => y[i]));
      for (let f = 0; f < d; f++) {
        const values = [...new Set(rows.map((i) => X[i][f]))].sort((a, b) => a - b);
        for (let k = 0; k + 1 < values.length; k++) {
          const t = (values[k] + values[k + 1]) / 2;
          const left = rows.filter((i) => X[i][f] <= t).map((i) => y[i]);
          const right = rows.filter((i) => X[i][f] > t).map((i) => y[i]);
          const n = rows.length;
          const gain = parent - (left.length / n) * entropy(left) - (right.length / n) * entropy(right);
          if (best === null || gain > best.gain + 1e-9) best = { feature: f, threshold: t, gain };
        }
      }
    }
    if (best === null || best.gain <= 1e-9) return { label: majority(rows), gain: 0 };
    const l = rows.filter((i) => X[i][best.feature] <= best.threshold);
    const r = rows.filter((i) => X[i][best.feature] > best.threshold);
    return { ...best, left: build(l, depth + 1), right: build(r, depth + 1) };
  };
  const root = build(
    y.map((_, i) => i),
    0,
  );
  const predictions = queries.map((q) => {
    let node = root;
    while (node.label === undefined) node = q[node.feature] <= node.threshold ? node.left : node.right;
    return node.label;
  });
  if (root.label !== undefined) return { feature: -1, threshold: 0, gain: 0, predictions };
  return { feature: root.feature, threshold: root.threshold, gain: root.gain, predictions };
}
