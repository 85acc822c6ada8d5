// @idiomatic
// Sorts all n training points by distance for every query (ties by index), then takes the first k:
// O(q · n log n), which the constraints allow.
function knnClassify(trainX, trainY, queries, k) {
  return queries.map((q) => {
    const ranked = trainX.map((p, i) => ({
      i,
      dist: p.reduce((s, v, t) => s + (v - q[t]) ** 2, 0),
    }));
    ranked.sort((a, b) => a.dist - b.dist || a.i - b.i);
    const votes = new Map();
    for (let r = 0; r < k; r++) {
      const label = trainY[ranked[r].i];
      votes.set(label, (votes.get(label) ?? 0) + 1);
    }
    // Map keeps first-insertion order, which is the order of each label's nearest neighbour.
    let best = -1;
    let bestVotes = 0;
    for (const [label, v] of votes) {
      if (v > bestVotes) {
        best = label;
        bestVotes = v;
      }
    }
    return best;
  });
}
