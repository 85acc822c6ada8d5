// Sorts an index array by descending score and adds, at the last example of every run of tied scores,
// the positives of the run times the precision there: (ΔTP / P) · (TP / predicted).
function averagePrecision(labels: number[], scores: number[]): number {
  const n = labels.length;
  let positives = 0;
  for (const y of labels) positives += y;
  if (positives === 0) return 0;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a]);
  let truePositives = 0;
  let gained = 0; // positives since the last threshold
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    truePositives += labels[i];
    gained += labels[i];
    const last = k === n - 1 || scores[order[k + 1]] !== scores[i];
    if (last && gained > 0) {
      sum += (gained * truePositives) / (k + 1);
      gained = 0;
    }
  }
  return sum / positives;
}
