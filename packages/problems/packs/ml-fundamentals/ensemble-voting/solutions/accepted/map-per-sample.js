// @idiomatic
// For each sample, count votes and weights per label in Maps, then apply the two tie rules; the models
// are sorted once by weight (heaviest first, then by index) for the weighted tie.
function ensembleVote(predictions, weights) {
  const m = predictions.length;
  const n = predictions[0].length;
  const order = [];
  for (let j = 0; j < m; j++) order.push(j);
  order.sort((a, b) => weights[b] - weights[a] || a - b);
  const majority = [];
  const weighted = [];
  for (let i = 0; i < n; i++) {
    const votes = new Map();
    const scores = new Map();
    for (let j = 0; j < m; j++) {
      const label = predictions[j][i];
      votes.set(label, (votes.get(label) || 0) + 1);
      scores.set(label, (scores.get(label) || 0) + weights[j]);
    }
    let bestLabel = null;
    for (const [label, count] of votes) {
      if (bestLabel === null || count > votes.get(bestLabel) || (count === votes.get(bestLabel) && label < bestLabel))
        bestLabel = label;
    }
    majority.push(bestLabel);
    const top = Math.max(...scores.values());
    for (const j of order) {
      if (scores.get(predictions[j][i]) === top) {
        weighted.push(predictions[j][i]);
        break;
      }
    }
  }
  return { majority, weighted };
}
