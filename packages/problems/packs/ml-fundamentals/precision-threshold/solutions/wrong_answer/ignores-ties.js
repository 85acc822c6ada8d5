// Walks the items one at a time in descending score order and takes the precision after each item,
// so a threshold shared by tied items is judged before all of them are flagged.
function lowestThresholds(scores, labels, targets) {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const lowest = new Array(10001).fill(-1);
  let tp = 0;
  order.forEach((item, i) => {
    tp += labels[item];
    const v = Math.floor((10000 * tp) / (i + 1));
    lowest[v] = lowest[v] === -1 ? scores[item] : Math.min(lowest[v], scores[item]);
  });
  for (let x = 9999; x >= 0; x--) {
    if (lowest[x + 1] !== -1 && (lowest[x] === -1 || lowest[x + 1] < lowest[x])) lowest[x] = lowest[x + 1];
  }
  return targets.map((x) => lowest[x]);
}
