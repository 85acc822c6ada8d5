// Prefix filtering (the AllPairs algorithm): order shingles from rarest to most common; a pair that
// reaches the threshold must share a shingle among the first |A| - ceil(t·|A|/100) + 1 shingles of each
// set in that order, so only those prefixes are indexed. Candidates are verified by merging sorted sets.
function findNearDuplicates(docs: string[], k: number, thresholdPercent: number): number[][] {
  const n = docs.length;
  const ids = new Map<string, number>();
  const frequency: number[] = [];
  const sets: Int32Array[] = [];
  const starts: number[] = [];
  for (const doc of docs) {
    // starts[w] is where word w begins; a shingle is the substring from its first word to its last.
    starts.length = 0;
    if (doc.length > 0) starts.push(0);
    for (let p = doc.indexOf(' '); p !== -1; p = doc.indexOf(' ', p + 1)) starts.push(p + 1);
    const words = starts.length;
    starts.push(doc.length + 1);
    const own = new Set<number>();
    for (let s = 0; s + k <= words; s++) {
      const key = doc.substring(starts[s], starts[s + k] - 1);
      let id = ids.get(key);
      if (id === undefined) {
        id = frequency.length;
        ids.set(key, id);
        frequency.push(0);
      }
      if (!own.has(id)) {
        own.add(id);
        frequency[id]++;
      }
    }
    sets.push(Int32Array.from(own));
  }
  // Rank shingles: rarest first, ties by id.
  const order = Array.from(frequency.keys()).sort((a, b) => frequency[a] - frequency[b] || a - b);
  const rank = new Int32Array(order.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  for (const set of sets) {
    for (let i = 0; i < set.length; i++) set[i] = rank[set[i]];
    set.sort();
  }
  const index: number[][] = Array.from({ length: order.length }, () => []);
  const stamp = new Int32Array(n).fill(-1);
  const result: number[][] = [];
  for (let d = 0; d < n; d++) {
    const set = sets[d];
    const size = set.length;
    if (size === 0) continue;
    const prefix = size - Math.ceil((thresholdPercent * size) / 100) + 1;
    for (let p = 0; p < prefix; p++) {
      const list = index[set[p]];
      for (const other of list) {
        if (stamp[other] === d) continue;
        stamp[other] = d;
        const theirs = sets[other];
        let inter = 0;
        let a = 0;
        let b = 0;
        while (a < size && b < theirs.length) {
          if (set[a] === theirs[b]) {
            inter++;
            a++;
            b++;
          } else if (set[a] < theirs[b]) a++;
          else b++;
        }
        const union = size + theirs.length - inter;
        if (100 * inter >= thresholdPercent * union) result.push([other, d]);
      }
      list.push(d);
    }
  }
  return result;
}
