// Reasons that the elimination already showed the candidate knows nobody after it, but also skips
// asking whether the candidate knows anyone before it.
function findCelebrity(n) {
  let candidate = 0;
  for (let i = 1; i < n; i++) if (knows(candidate, i)) candidate = i;
  for (let i = 0; i < n; i++) {
    if (i !== candidate && !knows(i, candidate)) return -1;
  }
  return candidate;
}
