/**
 * Per query: one key per training point, key = distance · n + index (unique, and ordered exactly like
 * (distance, index)); select the k-th smallest key (Floyd–Rivest), then vote over the keys at or below it.
 * O(n · d) per query. Labels are compressed to 0..L-1 once so the vote uses typed arrays.
 * @param {number[][]} trainX
 * @param {number[]} trainY
 * @param {number[][]} queries
 * @param {number} k
 * @return {number[]}
 */
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
  // Floyd–Rivest selection: afterwards work[rank] is the rank-th smallest of work[left..right].
  const select = (rank, left, right) => {
    while (right > left) {
      if (right - left > 600) {
        const size = right - left + 1;
        const m = rank - left + 1;
        const z = Math.log(size);
        const s = 0.5 * Math.exp((2 * z) / 3);
        const sd = 0.5 * Math.sqrt((z * s * (size - s)) / size) * (m - size / 2 < 0 ? -1 : 1);
        select(
          rank,
          Math.max(left, Math.floor(rank - (m * s) / size + sd)),
          Math.min(right, Math.floor(rank + ((size - m) * s) / size + sd)),
        );
      }
      const pivot = work[rank];
      let i = left;
      let j = right;
      swap(left, rank);
      if (work[right] > pivot) swap(left, right);
      while (i < j) {
        swap(i, j);
        i++;
        j--;
        while (work[i] < pivot) i++;
        while (work[j] > pivot) j--;
      }
      if (work[left] === pivot) swap(left, j);
      else {
        j++;
        swap(j, right);
      }
      if (j <= rank) left = j + 1;
      if (rank <= j) right = j - 1;
    }
    return work[rank];
  };
  const swap = (a, b) => {
    const tmp = work[a];
    work[a] = work[b];
    work[b] = tmp;
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
    const limit = select(k - 1, 0, n - 1);
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
      if (votes[c] > votes[best] || (votes[c] === votes[best] && nearest[c] < nearest[best])) best = c;
    }
    out[qi] = labels[best];
    for (let u = 0; u < used; u++) votes[touched[u]] = 0;
  }
  return out;
}
