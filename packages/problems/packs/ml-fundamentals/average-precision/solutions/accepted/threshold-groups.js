// @idiomatic
// Sorts the examples by score, highest first, and walks the distinct scores: each group of tied
// scores is one threshold, which adds (recall gained) × (precision at that threshold).
function averagePrecision(labels, scores) {
  const items = scores.map((score, i) => ({ score, label: labels[i] }));
  items.sort((a, b) => b.score - a.score);
  const positives = labels.filter((y) => y === 1).length;
  if (positives === 0) return 0;
  let truePositives = 0;
  let predicted = 0;
  let previousRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].score === items[i].score) {
      truePositives += items[j].label;
      j++;
    }
    predicted = j;
    const recall = truePositives / positives;
    ap += (recall - previousRecall) * (truePositives / predicted);
    previousRecall = recall;
    i = j;
  }
  return ap;
}
