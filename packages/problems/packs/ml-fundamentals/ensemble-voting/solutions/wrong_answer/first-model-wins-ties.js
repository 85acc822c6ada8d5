// Breaks weighted ties by the lowest-indexed model, ignoring which tied model is heaviest.
function ensembleVote(predictions, weights) {
  const m = predictions.length;
  const n = predictions[0].length;
  const majority = [];
  const weighted = [];
  for (let i = 0; i < n; i++) {
    const votes = new Map();
    const score = new Map();
    for (let j = 0; j < m; j++) {
      const label = predictions[j][i];
      votes.set(label, (votes.get(label) ?? 0) + 1);
      score.set(label, (score.get(label) ?? 0) + weights[j]);
    }
    let best = -1;
    let bestLabel = -1;
    for (const [label, v] of votes) {
      if (v > best || (v === best && label < bestLabel)) {
        best = v;
        bestLabel = label;
      }
    }
    majority.push(bestLabel);
    const top = Math.max(...score.values());
    for (let j = 0; j < m; j++) {
      if (score.get(predictions[j][i]) === top) {
        weighted.push(predictions[j][i]);
        break;
      }
    }
  }
  return { majority, weighted };
}
