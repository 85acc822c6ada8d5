// @idiomatic
// Sort the items by score, highest first, and compute the precision at each distinct score. A candidate
// reaches every target up to floor(10000 · TP / flagged); for each such level keep the lowest threshold,
// then a pass from the highest level down gives each target the lowest threshold reaching it.
function lowestThresholds(scores, labels, targets) {
  const items = scores.map((score, i) => ({ score, label: labels[i] }));
  items.sort((a, b) => b.score - a.score);
  const lowestAtLevel = new Array(10001).fill(-1);
  let tp = 0;
  let flagged = 0;
  for (let i = 0; i < items.length; i++) {
    tp += items[i].label;
    flagged++;
    if (i + 1 < items.length && items[i + 1].score === items[i].score) continue;
    const level = Math.floor((10000 * tp) / flagged);
    lowestAtLevel[level] = items[i].score; // scores only go down, so the last one seen is the lowest
  }
  const answer = new Array(10001).fill(-1);
  let best = -1;
  for (let level = 10000; level >= 0; level--) {
    if (lowestAtLevel[level] !== -1 && (best === -1 || lowestAtLevel[level] < best)) best = lowestAtLevel[level];
    answer[level] = best;
  }
  return targets.map((x) => answer[x]);
}
