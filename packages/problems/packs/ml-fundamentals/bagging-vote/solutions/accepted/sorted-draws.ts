// Sort each bag's draws by (category, label) so that equal pairs are adjacent, read the lookup table
// off the runs, and look queries up by binary search. Votes are tallied the same way, per query.
function baggingVote(x: number[], y: number[], queries: number[], bags: number, seed: number): number[] {
  const n = x.length;
  const q = queries.length;
  const votes: number[][] = queries.map(() => []);
  const drawn = new Int32Array(n);
  let state = seed;
  for (let b = 0; b < bags; b++) {
    for (let k = 0; k < n; k++) {
      state = (state * 48271) % 2147483647;
      drawn[k] = state % n;
    }
    const order = Array.from(drawn).sort((i, j) => x[i] - x[j] || y[i] - y[j]);
    const categories: number[] = [];
    const rule: number[] = [];
    const labelCounts = new Map<number, number>();
    for (let s = 0; s < n; ) {
      const c = x[order[s]];
      let bestLabel = -1;
      let bestCount = 0;
      while (s < n && x[order[s]] === c) {
        const l = y[order[s]];
        let e = s;
        while (e < n && x[order[e]] === c && y[order[e]] === l) e++;
        labelCounts.set(l, (labelCounts.get(l) ?? 0) + e - s);
        // Labels of a category come in increasing order, so only a strictly larger run replaces.
        if (e - s > bestCount) {
          bestCount = e - s;
          bestLabel = l;
        }
        s = e;
      }
      categories.push(c);
      rule.push(bestLabel);
    }
    let fallback = -1;
    let top = 0;
    for (const [l, count] of labelCounts)
      if (count > top || (count === top && l < fallback)) [fallback, top] = [l, count];
    for (let j = 0; j < q; j++) {
      let lo = 0;
      let hi = categories.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (categories[mid] < queries[j]) lo = mid + 1;
        else hi = mid;
      }
      votes[j].push(lo < categories.length && categories[lo] === queries[j] ? rule[lo] : fallback);
    }
  }
  return votes.map((v) => {
    v.sort((a, b) => a - b);
    let winner = -1;
    let top = 0;
    for (let s = 0; s < v.length; ) {
      let e = s;
      while (e < v.length && v[e] === v[s]) e++;
      if (e - s > top) [winner, top] = [v[s], e - s];
      s = e;
    }
    return winner;
  });
}
