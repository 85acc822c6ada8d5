// Finds the k nearest points without sorting by ranking each training point: for every point, count
// the points that come before it (closer, or as close with a lower index); it is a neighbour when
// fewer than k do. O(q · n²): quadratic in the training set for every query.
function knnClassify(trainX, trainY, queries, k) {
  const n = trainX.length;
  return queries.map((q) => {
    const dist = trainX.map((p) => p.reduce((s, v, t) => s + (v - q[t]) ** 2, 0));
    const neighbours = [];
    for (let i = 0; i < n; i++) {
      let before = 0;
      for (let j = 0; j < n; j++) {
        if (dist[j] < dist[i] || (dist[j] === dist[i] && j < i)) before++;
      }
      if (before < k) neighbours.push([before, i]);
    }
    neighbours.sort((a, b) => a[0] - b[0]);
    const votes = new Map();
    for (const [, i] of neighbours) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
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
