// Linear-time selection, but points at equal distance are taken smaller label first instead of lower
// index first (a natural "stable by class" tie-break that the statement does not ask for).
function knnClassify(trainX, trainY, queries, k) {
  const n = trainX.length;
  const d = trainX[0].length;
  const dist = new Float64Array(n);
  const work = new Float64Array(n);
  const select = (rank) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const pivot = work[lo + Math.floor(Math.random() * (hi - lo + 1))];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (work[i] < pivot) i++;
        while (work[j] > pivot) j--;
        if (i <= j) {
          const t = work[i];
          work[i] = work[j];
          work[j] = t;
          i++;
          j--;
        }
      }
      if (rank <= j) hi = j;
      else if (rank >= i) lo = i;
      else return work[rank];
    }
    return work[rank];
  };
  // (distance, label, index) order.
  const before = (a, b) =>
    dist[a] !== dist[b] ? dist[a] < dist[b] : trainY[a] !== trainY[b] ? trainY[a] < trainY[b] : a < b;
  return queries.map((q) => {
    for (let i = 0; i < n; i++) {
      const p = trainX[i];
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = p[t] - q[t];
        s += diff * diff;
      }
      dist[i] = s;
    }
    work.set(dist);
    const cut = select(k - 1);
    const chosen = [];
    const border = [];
    for (let i = 0; i < n; i++) {
      if (dist[i] < cut) chosen.push(i);
      else if (dist[i] === cut) border.push(i);
    }
    border.sort((a, b) => trainY[a] - trainY[b] || a - b);
    for (let r = 0; chosen.length < k; r++) chosen.push(border[r]);
    const votes = new Map();
    const first = new Map();
    for (const i of chosen) {
      const label = trainY[i];
      votes.set(label, (votes.get(label) ?? 0) + 1);
      if (!first.has(label) || before(i, first.get(label))) first.set(label, i);
    }
    let best = -1;
    for (const [label, v] of votes) {
      const bv = votes.get(best) ?? 0;
      if (v > bv || (v === bv && before(first.get(label), first.get(best)))) best = label;
    }
    return best;
  });
}
