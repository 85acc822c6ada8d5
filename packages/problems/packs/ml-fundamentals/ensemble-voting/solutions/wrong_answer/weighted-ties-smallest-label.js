// Breaks weighted ties by the smallest label, like the plain majority vote.
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
    const pick = (map) => {
      let best = -1;
      let bestLabel = -1;
      for (const [label, v] of map) {
        if (v > best || (v === best && label < bestLabel)) {
          best = v;
          bestLabel = label;
        }
      }
      return bestLabel;
    };
    majority.push(pick(votes));
    weighted.push(pick(score));
  }
  return { majority, weighted };
}
