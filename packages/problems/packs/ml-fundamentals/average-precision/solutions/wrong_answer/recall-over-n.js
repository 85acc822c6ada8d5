// Divides by the number of examples instead of the number of positives when computing recall.
function averagePrecision(labels, scores) {
  const items = scores.map((score, i) => ({ score, label: labels[i] }));
  items.sort((a, b) => b.score - a.score);
  const n = items.length;
  if (!labels.includes(1)) return 0;
  let truePositives = 0;
  let previousRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && items[j].score === items[i].score) truePositives += items[j++].label;
    const recall = truePositives / n;
    ap += (recall - previousRecall) * (truePositives / j);
    previousRecall = recall;
    i = j;
  }
  return ap;
}
