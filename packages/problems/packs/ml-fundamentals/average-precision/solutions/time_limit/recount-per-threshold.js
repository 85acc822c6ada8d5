// For every distinct score, rescans all examples to count the true and false positives at that
// threshold: O(n · distinct scores).
function averagePrecision(labels, scores) {
  const positives = labels.filter((y) => y === 1).length;
  if (positives === 0) return 0;
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  let previousRecall = 0;
  let ap = 0;
  for (const t of thresholds) {
    let truePositives = 0;
    let predicted = 0;
    for (let i = 0; i < labels.length; i++) {
      if (scores[i] >= t) {
        predicted++;
        truePositives += labels[i];
      }
    }
    const recall = truePositives / positives;
    ap += (recall - previousRecall) * (truePositives / predicted);
    previousRecall = recall;
  }
  return ap;
}
