// Keeps each bag's drawn indices and, for every query, scans the whole bag again to count the labels
// of the query's category: O(bags · queries · n).
function baggingVote(x, y, queries, bags, seed) {
  const n = x.length;
  let state = seed;
  const votes = queries.map(() => ({}));
  for (let b = 0; b < bags; b++) {
    const bag = [];
    for (let k = 0; k < n; k++) {
      state = (state * 48271) % 2147483647;
      bag.push(state % n);
    }
    queries.forEach((c, j) => {
      const counts = {};
      const all = {};
      let found = false;
      for (const i of bag) {
        all[y[i]] = (all[y[i]] || 0) + 1;
        if (x[i] === c) {
          counts[y[i]] = (counts[y[i]] || 0) + 1;
          found = true;
        }
      }
      const pool = found ? counts : all;
      let label = -1;
      for (const l in pool) if (label === -1 || pool[l] > pool[label]) label = Number(l);
      votes[j][label] = (votes[j][label] || 0) + 1;
    });
  }
  return votes.map((v) => {
    let label = -1;
    for (const l in v) if (label === -1 || v[l] > v[label]) label = Number(l);
    return label;
  });
}
