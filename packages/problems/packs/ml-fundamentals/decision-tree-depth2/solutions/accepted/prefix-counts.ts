// Labels are 0..9, so class counts live in small typed arrays; each node sorts its samples once per
// feature and sweeps, scoring every candidate from the running counts. Candidates within 1e-9 of the
// best gain are resolved by feature, then threshold, after the sweep.
interface Split {
  feature: number;
  threshold: number;
  gain: number;
}
type TreeNode = { label: number } | (Split & { left: TreeNode; right: TreeNode });

function fitDepth2Tree(
  X: number[][],
  y: number[],
  queries: number[][],
): { feature: number; threshold: number; gain: number; predictions: number[] } {
  const K = 10;
  const d = X[0].length;
  const h = (counts: Int32Array, size: number): number => {
    let s = 0;
    for (let c = 0; c < K; c++) if (counts[c] > 0) s -= (counts[c] / size) * Math.log2(counts[c] / size);
    return s;
  };

  const bestSplit = (rows: number[]): Split | null => {
    const n = rows.length;
    const total = new Int32Array(K);
    for (const i of rows) total[y[i]]++;
    const parent = h(total, n);
    const candidates: Split[] = [];
    const left = new Int32Array(K);
    const right = new Int32Array(K);
    for (let f = 0; f < d; f++) {
      const column = Float64Array.from(rows, (i) => X[i][f]);
      const order = Array.from(rows.keys()).sort((a, b) => column[a] - column[b]);
      left.fill(0);
      right.set(total);
      for (let k = 0; k < n - 1; k++) {
        const label = y[rows[order[k]]];
        left[label]++;
        right[label]--;
        const a = column[order[k]];
        const b = column[order[k + 1]];
        if (a === b) continue;
        const nl = k + 1;
        candidates.push({
          feature: f,
          threshold: (a + b) / 2,
          gain: parent - (nl / n) * h(left, nl) - ((n - nl) / n) * h(right, n - nl),
        });
      }
    }
    let max = -Infinity;
    for (const c of candidates) max = Math.max(max, c.gain);
    if (!(max > 1e-9)) return null;
    let chosen: Split | null = null;
    for (const c of candidates) {
      if (c.gain < max - 1e-9) continue;
      if (
        chosen === null ||
        c.feature < chosen.feature ||
        (c.feature === chosen.feature && c.threshold < chosen.threshold)
      )
        chosen = c;
    }
    return chosen;
  };

  const build = (rows: number[], depth: number): TreeNode => {
    const split = depth < 2 ? bestSplit(rows) : null;
    if (split === null) {
      const counts = new Int32Array(K);
      for (const i of rows) counts[y[i]]++;
      let label = 0;
      for (let c = 1; c < K; c++) if (counts[c] > counts[label]) label = c;
      return { label };
    }
    const l: number[] = [];
    const r: number[] = [];
    for (const i of rows) (X[i][split.feature] <= split.threshold ? l : r).push(i);
    return { ...split, left: build(l, depth + 1), right: build(r, depth + 1) };
  };

  const root = build(Array.from(y.keys()), 0);
  const predictions = queries.map((q) => {
    let node = root;
    while (!('label' in node)) node = q[node.feature] <= node.threshold ? node.left : node.right;
    return node.label;
  });
  if ('label' in root) return { feature: -1, threshold: 0, gain: 0, predictions };
  return { feature: root.feature, threshold: root.threshold, gain: root.gain, predictions };
}
