// Per query: squared distances fit in 32 bits, so the k-th smallest distance D is found by a radix
// select on at most 11 bits at a time, keeping only the points that still match D's leading bits.
// The neighbours are every point closer than D plus the lowest-indexed points at distance exactly D,
// taken in index order. O(n · d) per query.
function knnClassify(trainX: number[][], trainY: number[], queries: number[][], k: number): number[] {
  const n = trainX.length;
  const d = trainX[0].length;
  const coords = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) coords[i * d + t] = trainX[i][t];
  // Labels as ids 0..L-1, in order of first appearance.
  const idOf = new Map<number, number>();
  const label = new Int32Array(n);
  const labels: number[] = [];
  trainY.forEach((y, i) => {
    if (!idOf.has(y)) {
      idOf.set(y, labels.length);
      labels.push(y);
    }
    label[i] = idOf.get(y) as number;
  });
  const votes = new Int32Array(labels.length);
  const first = new Int32Array(labels.length); // index of each label's nearest neighbour
  const dist = new Uint32Array(n);
  const count = new Int32Array(2048);
  let list = new Int32Array(n);
  let next = new Int32Array(n);
  const point = new Float64Array(d);
  const result: number[] = [];
  for (const q of queries) {
    for (let t = 0; t < d; t++) point[t] = q[t];
    let maxDist = 0;
    for (let i = 0, base = 0; i < n; i++, base += d) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = coords[base + t] - point[t];
        s += diff * diff;
      }
      dist[i] = s;
      if (s > maxDist) maxDist = s;
      list[i] = i;
    }
    // Invariant: the points in list[0..size) are those whose distance shifted right by `shift` equals
    // `prefix`, and D is the `remaining`-th smallest distance among them.
    const bits = 32 - Math.clz32(maxDist);
    let size = n;
    let prefix = 0;
    let shift = bits;
    let remaining = k;
    while (shift > 0) {
      const width = Math.min(11, shift);
      shift -= width;
      const digitMask = (1 << width) - 1;
      count.fill(0, 0, digitMask + 1);
      for (let c = 0; c < size; c++) count[(dist[list[c]] >>> shift) & digitMask]++;
      let digit = 0;
      while (remaining > count[digit]) remaining -= count[digit++];
      let kept = 0;
      for (let c = 0; c < size; c++) {
        const i = list[c];
        if (((dist[i] >>> shift) & digitMask) === digit) next[kept++] = i;
      }
      [list, next] = [next, list];
      size = kept;
      prefix = prefix * (digitMask + 1) + digit;
    }
    const D = prefix;
    const seen: number[] = [];
    let equalTaken = 0;
    for (let i = 0; i < n; i++) {
      const v = dist[i];
      if (v > D || (v === D && equalTaken === remaining)) continue;
      if (v === D) equalTaken++;
      const c = label[i];
      if (votes[c]++ === 0) {
        seen.push(c);
        first[c] = i;
      } else if (v < dist[first[c]]) first[c] = i;
    }
    let best = seen[0];
    for (const c of seen) {
      const at = first[c];
      const bestAt = first[best];
      const nearer = dist[at] < dist[bestAt] || (dist[at] === dist[bestAt] && at < bestAt);
      if (votes[c] > votes[best] || (votes[c] === votes[best] && nearer)) best = c;
    }
    for (const c of seen) votes[c] = 0;
    result.push(labels[best]);
  }
  return result;
}
