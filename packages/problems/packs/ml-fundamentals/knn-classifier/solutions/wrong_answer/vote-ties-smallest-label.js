// Selects the right neighbours, but breaks vote ties by the smallest label.
function knnClassify(trainX, trainY, queries, k) {
  const n = trainX.length;
  const d = trainX[0].length;
  const flat = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) flat[i * d + t] = trainX[i][t];
  const ids = new Map();
  const labelOf = new Int32Array(n);
  const labels = [];
  for (let i = 0; i < n; i++) {
    let id = ids.get(trainY[i]);
    if (id === undefined) {
      id = labels.length;
      ids.set(trainY[i], id);
      labels.push(trainY[i]);
    }
    labelOf[i] = id;
  }
  const keys = new Float64Array(n);
  const work = new Float64Array(n);
  const votes = new Int32Array(labels.length);
  const nearest = new Float64Array(labels.length);
  const touched = new Int32Array(labels.length);
  let seed = 12345;
  const nextRandom = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  // The k-th smallest (0-based k-1) of work[0..n), by iterative quickselect with a random pivot.
  const select = (rank) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const pivot = work[lo + (nextRandom() % (hi - lo + 1))];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (work[i] < pivot) i++;
        while (work[j] > pivot) j--;
        if (i <= j) {
          const tmp = work[i];
          work[i] = work[j];
          work[j] = tmp;
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
  const out = new Array(queries.length);
  for (let qi = 0; qi < queries.length; qi++) {
    const q = queries[qi];
    for (let i = 0, base = 0; i < n; i++, base += d) {
      let dist = 0;
      for (let t = 0; t < d; t++) {
        const diff = flat[base + t] - q[t];
        dist += diff * diff;
      }
      keys[i] = dist * n + i;
    }
    work.set(keys);
    const limit = select(k - 1);
    let used = 0;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      if (key > limit) continue;
      const c = labelOf[i];
      if (votes[c] === 0) {
        touched[used++] = c;
        nearest[c] = key;
      } else if (key < nearest[c]) nearest[c] = key;
      votes[c]++;
    }
    let best = touched[0];
    for (let u = 1; u < used; u++) {
      const c = touched[u];
      if (votes[c] > votes[best] || (votes[c] === votes[best] && labels[c] < labels[best])) best = c;
    }
    out[qi] = labels[best];
    for (let u = 0; u < used; u++) votes[touched[u]] = 0;
  }
  return out;
}
