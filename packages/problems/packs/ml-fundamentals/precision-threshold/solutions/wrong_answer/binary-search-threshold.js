// Assumes precision never drops as the threshold rises, and binary-searches the candidates for the
// first one that reaches the target.
function lowestThresholds(scores, labels, targets) {
  const cand = [...new Set(scores)].sort((a, b) => a - b);
  const pairs = scores.map((s, i) => [s, labels[i]]).sort((a, b) => b[0] - a[0]);
  const tpAt = new Map();
  const nAt = new Map();
  let tp = 0;
  pairs.forEach(([s, l], i) => {
    tp += l;
    tpAt.set(s, tp);
    nAt.set(s, i + 1);
  });
  const reaches = (s, x) => 10000 * tpAt.get(s) >= x * nAt.get(s);
  return targets.map((x) => {
    if (cand.length === 0) return -1;
    let lo = 0;
    let hi = cand.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reaches(cand[mid], x)) hi = mid;
      else lo = mid + 1;
    }
    return reaches(cand[lo], x) ? cand[lo] : -1;
  });
}
