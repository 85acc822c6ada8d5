// Flags content only when its score is strictly above the threshold, so each candidate is judged by
// the items scored above it (and a candidate that flags nothing counts as precision 0).
function lowestThresholds(scores, labels, targets) {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const lowest = new Array(10001).fill(-1);
  let tp = 0;
  let flagged = 0;
  for (let i = 0; i < order.length; ) {
    const s = scores[order[i]];
    const v = flagged === 0 ? 0 : Math.floor((10000 * tp) / flagged);
    lowest[v] = s;
    for (; i < order.length && scores[order[i]] === s; i++) {
      tp += labels[order[i]];
      flagged++;
    }
  }
  for (let x = 9999; x >= 0; x--) {
    if (lowest[x + 1] !== -1 && (lowest[x] === -1 || lowest[x + 1] < lowest[x])) lowest[x] = lowest[x + 1];
  }
  return targets.map((x) => lowest[x]);
}
