// Every candidate reaches exactly the targets up to floor(10000 · TP / flagged), so a table over the
// 10001 possible targets, filled from the highest threshold down, answers each query in O(1).
function lowestThresholds(scores: number[], labels: number[], targets: number[]): number[] {
  const n = scores.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sorted = Array.from(idx).sort((a, b) => scores[b] - scores[a] || a - b);
  // lowest[v]: the lowest candidate whose precision rounds down to exactly v basis points.
  const lowest = new Array<number>(10001).fill(-1);
  let tp = 0;
  let i = 0;
  while (i < n) {
    const s = scores[sorted[i]];
    while (i < n && scores[sorted[i]] === s) tp += labels[sorted[i++]];
    const v = Math.floor((10000 * tp - ((10000 * tp) % i)) / i);
    lowest[v] = s; // candidates arrive in descending order, so the last write is the lowest
  }
  // answer[x]: the lowest candidate with v >= x.
  const answer = new Array<number>(10001).fill(-1);
  for (let x = 10000; x >= 0; x--) {
    const here = lowest[x];
    const above = x < 10000 ? answer[x + 1] : -1;
    answer[x] = here === -1 ? above : above === -1 ? here : Math.min(here, above);
  }
  return targets.map((x) => answer[x]);
}
