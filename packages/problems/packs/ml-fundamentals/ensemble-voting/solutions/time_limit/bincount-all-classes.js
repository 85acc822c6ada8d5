// The textbook vectorised recipe: encode the classes 0..C-1, then for every sample count votes in an
// array over all C classes and take the argmax. O(n · C), and C can be as large as m · n.
function ensembleVote(predictions, weights) {
  const m = predictions.length;
  const n = predictions[0].length;
  const classes = [...new Set(predictions.flat())].sort((a, b) => a - b);
  const index = new Map(classes.map((c, k) => [c, k]));
  const C = classes.length;
  const rank = Array.from({ length: m }, (_, j) => j).sort((a, b) => weights[b] - weights[a] || a - b);
  const majority = [];
  const weighted = [];
  for (let i = 0; i < n; i++) {
    const votes = new Float64Array(C);
    const score = new Float64Array(C);
    for (let j = 0; j < m; j++) {
      const k = index.get(predictions[j][i]);
      votes[k] += 1;
      score[k] += weights[j];
    }
    let best = 0;
    for (let k = 1; k < C; k++) if (votes[k] > votes[best]) best = k;
    majority.push(classes[best]);
    let top = 0;
    for (let k = 0; k < C; k++) if (score[k] > top) top = score[k];
    for (const j of rank) {
      if (score[index.get(predictions[j][i])] === top) {
        weighted.push(predictions[j][i]);
        break;
      }
    }
  }
  return { majority, weighted };
}
