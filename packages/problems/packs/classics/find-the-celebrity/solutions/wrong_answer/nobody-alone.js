// Decides that a party of one has no celebrity, though the only guest knows nobody else and is known by
// everyone else (vacuously).
function findCelebrity(n) {
  if (n < 2) return -1;
  let candidate = 0;
  for (let i = 1; i < n; i++) if (knows(candidate, i)) candidate = i;
  for (let i = 0; i < n; i++) {
    if (i !== candidate && (knows(candidate, i) || !knows(i, candidate))) return -1;
  }
  return candidate;
}
