// @idiomatic
// Sort the examples by score, give tied scores the average of their ranks, and turn the positives' rank
// sum into the Mann–Whitney U statistic.
function rocAuc(labels, scores) {
  const items = scores.map((score, i) => ({ score, label: labels[i] }));
  items.sort((a, b) => a.score - b.score);
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  let rankSum = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].score === items[i].score) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i + 1 .. j
    for (let t = i; t < j; t++) if (items[t].label === 1) rankSum += averageRank;
    i = j;
  }
  const u = rankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}
