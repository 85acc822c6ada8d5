// Keeps every answer it has been given and, before each question, recomputes from all of them who could
// still be the celebrity, then asks about the first two. Only 3n - 3 questions, but the recomputation
// scans every person against every stored fact each round: O(n^3).
function findCelebrity(n) {
  const facts = [];
  for (;;) {
    const possible = [];
    for (let p = 0; p < n; p++) {
      let ruledOut = false;
      for (const [a, b, yes] of facts) {
        if ((a === p && yes) || (b === p && !yes)) {
          ruledOut = true;
          break;
        }
      }
      if (!ruledOut) possible.push(p);
    }
    if (possible.length <= 1) break;
    const [a, b] = possible;
    facts.push([a, b, knows(a, b)]);
  }
  let candidate = -1;
  for (let p = 0; p < n && candidate < 0; p++) {
    if (!facts.some(([a, b, yes]) => (a === p && yes) || (b === p && !yes))) candidate = p;
  }
  for (let i = 0; i < n; i++) {
    if (i !== candidate && (knows(candidate, i) || !knows(i, candidate))) return -1;
  }
  return candidate;
}
