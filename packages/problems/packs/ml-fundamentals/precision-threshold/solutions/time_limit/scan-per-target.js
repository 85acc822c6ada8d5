// Counts what each candidate flags once, then scans the candidates from the lowest threshold up for
// every target: O(n log n + q · n).
function lowestThresholds(scores, labels, targets) {
  const pairs = scores.map((s, i) => [s, labels[i]]).sort((a, b) => a[0] - b[0]);
  const cand = [];
  const tp = [];
  const flagged = [];
  let positivesAbove = 0;
  for (const [, l] of pairs) positivesAbove += l;
  for (let i = 0; i < pairs.length; ) {
    const s = pairs[i][0];
    cand.push(s);
    tp.push(positivesAbove);
    flagged.push(pairs.length - i);
    for (; i < pairs.length && pairs[i][0] === s; i++) positivesAbove -= pairs[i][1];
  }
  return targets.map((x) => {
    for (let c = 0; c < cand.length; c++) if (tp[c] / flagged[c] >= x / 10000) return cand[c];
    return -1;
  });
}
