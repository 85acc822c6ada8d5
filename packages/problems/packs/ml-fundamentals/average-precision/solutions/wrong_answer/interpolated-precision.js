// Uses the interpolated precision (the best precision at this or any lower threshold, as in the
// 11-point PASCAL VOC metric) instead of the precision at the threshold itself.
function averagePrecision(labels, scores) {
  const items = scores.map((score, i) => ({ score, label: labels[i] }));
  items.sort((a, b) => b.score - a.score);
  const positives = labels.filter((y) => y === 1).length;
  if (positives === 0) return 0;
  const recalls = [];
  const precisions = [];
  let truePositives = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].score === items[i].score) truePositives += items[j++].label;
    recalls.push(truePositives / positives);
    precisions.push(truePositives / j);
    i = j;
  }
  for (let k = precisions.length - 2; k >= 0; k--) precisions[k] = Math.max(precisions[k], precisions[k + 1]);
  let ap = 0;
  let previousRecall = 0;
  for (let k = 0; k < recalls.length; k++) {
    ap += (recalls[k] - previousRecall) * precisions[k];
    previousRecall = recalls[k];
  }
  return ap;
}
