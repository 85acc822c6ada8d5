// Treats every example as its own threshold: tied scores are ranked in whatever order the sort leaves
// them (here input order), so a positive listed before a tied negative gets a higher precision.
function averagePrecision(labels, scores) {
  const items = scores.map((score, i) => ({ score, label: labels[i] }));
  items.sort((a, b) => b.score - a.score);
  const positives = labels.filter((y) => y === 1).length;
  if (positives === 0) return 0;
  let truePositives = 0;
  let sum = 0;
  items.forEach((item, k) => {
    if (item.label === 1) {
      truePositives++;
      sum += truePositives / (k + 1);
    }
  });
  return sum / positives;
}
