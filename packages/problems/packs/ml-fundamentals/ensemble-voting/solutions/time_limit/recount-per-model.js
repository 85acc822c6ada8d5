// For every sample, recounts each model's label over all the models: O(m² · n), hopeless with many
// models.
function ensembleVote(predictions, weights) {
  const m = predictions.length;
  const n = predictions[0].length;
  const majority = [];
  const weighted = [];
  for (let i = 0; i < n; i++) {
    let bestVotes = -1;
    let bestLabel = -1;
    let bestScore = -1;
    for (let j = 0; j < m; j++) {
      const label = predictions[j][i];
      let votes = 0;
      let score = 0;
      for (let o = 0; o < m; o++) {
        if (predictions[o][i] === label) {
          votes++;
          score += weights[o];
        }
      }
      if (votes > bestVotes || (votes === bestVotes && label < bestLabel)) {
        bestVotes = votes;
        bestLabel = label;
      }
      if (score > bestScore) bestScore = score;
    }
    majority.push(bestLabel);
    // The strongest model among those whose label reaches the best score.
    let chosen = -1;
    for (let j = 0; j < m; j++) {
      const label = predictions[j][i];
      let score = 0;
      for (let o = 0; o < m; o++) if (predictions[o][i] === label) score += weights[o];
      if (score === bestScore && (chosen < 0 || weights[j] > weights[chosen])) chosen = j;
    }
    weighted.push(predictions[chosen][i]);
  }
  return { majority, weighted };
}
