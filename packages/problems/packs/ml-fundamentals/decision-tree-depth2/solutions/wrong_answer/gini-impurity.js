// Scores splits by the decrease of Gini impurity instead of entropy (information gain), which can
// choose a different split and reports a different gain.
function fitDepth2Tree(X, y, queries) {
  const d = X[0].length;

  function entropy(counts, size) {
    let g = 1;
    for (const c of counts.values()) g -= (c / size) ** 2;
    return g;
  }

  function countLabels(rows) {
    const counts = new Map();
    for (const i of rows) counts.set(y[i], (counts.get(y[i]) || 0) + 1);
    return counts;
  }

  function majority(rows) {
    let best = -1;
    let bestCount = 0;
    for (const [label, count] of countLabels(rows)) {
      if (count > bestCount || (count === bestCount && label < best)) {
        best = label;
        bestCount = count;
      }
    }
    return best;
  }

  // The best split of the samples `rows`, or null when no split has a positive gain.
  function bestSplit(rows) {
    const n = rows.length;
    const total = countLabels(rows);
    const parent = entropy(total, n);
    let best = null;
    for (let f = 0; f < d; f++) {
      const sorted = [...rows].sort((a, b) => X[a][f] - X[b][f]);
      const left = new Map();
      const right = new Map(total);
      for (let k = 0; k < n - 1; k++) {
        const label = y[sorted[k]];
        left.set(label, (left.get(label) || 0) + 1);
        right.set(label, right.get(label) - 1);
        const a = X[sorted[k]][f];
        const b = X[sorted[k + 1]][f];
        if (a === b) continue;
        const nl = k + 1;
        const gain = parent - (nl / n) * entropy(left, nl) - ((n - nl) / n) * entropy(right, n - nl);
        // Features in order and thresholds ascending: only a clearly better split replaces the best.
        if (best === null || gain > best.gain + 1e-9) best = { feature: f, threshold: (a + b) / 2, gain };
      }
    }
    return best !== null && best.gain > 1e-9 ? best : null;
  }

  function build(rows, depth) {
    const split = depth < 2 ? bestSplit(rows) : null;
    if (split === null) return { label: majority(rows), gain: 0 };
    const leftRows = rows.filter((i) => X[i][split.feature] <= split.threshold);
    const rightRows = rows.filter((i) => X[i][split.feature] > split.threshold);
    return { ...split, left: build(leftRows, depth + 1), right: build(rightRows, depth + 1) };
  }

  function predict(node, q) {
    while (node.label === undefined) node = q[node.feature] <= node.threshold ? node.left : node.right;
    return node.label;
  }

  const root = build(
    y.map((_, i) => i),
    0,
  );
  return {
    feature: root.label === undefined ? root.feature : -1,
    threshold: root.label === undefined ? root.threshold : 0,
    gain: root.gain,
    predictions: queries.map((q) => predict(root, q)),
  };
}
