// @idiomatic
// Draw each bag with the stated generator, count (category, label) pairs in Maps, turn them into the
// bag's lookup table, then tally the bags' predictions for every query.
function baggingVote(x, y, queries, bags, seed) {
  const n = x.length;
  const best = (counts) => {
    let label = -1;
    let top = -1;
    for (const [l, c] of counts) {
      if (c > top || (c === top && l < label)) {
        label = l;
        top = c;
      }
    }
    return label;
  };
  let state = seed;
  const predictions = [];
  for (let b = 0; b < bags; b++) {
    const byCategory = new Map();
    const labels = new Map();
    for (let k = 0; k < n; k++) {
      state = (state * 48271) % 2147483647;
      const i = state % n;
      if (!byCategory.has(x[i])) byCategory.set(x[i], new Map());
      const counts = byCategory.get(x[i]);
      counts.set(y[i], (counts.get(y[i]) || 0) + 1);
      labels.set(y[i], (labels.get(y[i]) || 0) + 1);
    }
    const fallback = best(labels);
    const rule = new Map();
    for (const [category, counts] of byCategory) rule.set(category, best(counts));
    predictions.push(queries.map((c) => (rule.has(c) ? rule.get(c) : fallback)));
  }
  return queries.map((_, j) => {
    const votes = new Map();
    for (const bag of predictions) votes.set(bag[j], (votes.get(bag[j]) || 0) + 1);
    return best(votes);
  });
}
