/**
 * Sorts all scores and the unsafe items' scores, walks the distinct scores from the highest down to
 * count what each candidate flags, keeps the running best precision from the lowest threshold up,
 * and binary-searches it per target: O((n + q) log n).
 * @param {number[]} scores
 * @param {number[]} labels
 * @param {number[]} targets
 * @return {number[]}
 */
function lowestThresholds(scores, labels, targets) {
  const n = scores.length;
  const all = Float64Array.from(scores).sort();
  let unsafeCount = 0;
  for (let i = 0; i < n; i++) unsafeCount += labels[i];
  const unsafe = new Float64Array(unsafeCount);
  for (let i = 0, j = 0; i < n; i++) if (labels[i] === 1) unsafe[j++] = scores[i];
  unsafe.sort();
  // Candidates from the highest score down, with TP and TP + FP at each.
  const cand = [];
  const tp = [];
  const flagged = [];
  let j = unsafeCount - 1;
  for (let i = n - 1; i >= 0; ) {
    const s = all[i];
    while (i >= 0 && all[i] === s) i--;
    while (j >= 0 && unsafe[j] >= s) j--;
    cand.push(s);
    tp.push(unsafeCount - 1 - j);
    flagged.push(n - 1 - i);
  }
  cand.reverse();
  tp.reverse();
  flagged.reverse();
  // bestTp[i] / bestN[i]: the highest precision among candidates 0..i (ascending thresholds).
  const m = cand.length;
  const bestTp = new Float64Array(m);
  const bestN = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    if (i > 0 && bestTp[i - 1] * flagged[i] >= tp[i] * bestN[i - 1]) {
      bestTp[i] = bestTp[i - 1];
      bestN[i] = bestN[i - 1];
    } else {
      bestTp[i] = tp[i];
      bestN[i] = flagged[i];
    }
  }
  return targets.map((x) => {
    // The first i whose best precision reaches x/10000 is the first candidate that reaches it.
    if (m === 0 || 10000 * bestTp[m - 1] < x * bestN[m - 1]) return -1;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (10000 * bestTp[mid] >= x * bestN[mid]) hi = mid;
      else lo = mid + 1;
    }
    return cand[lo];
  });
}
