/**
 * Two passes. Elimination: knows(candidate, i) rules out the candidate if true and i if false, so after
 * n - 1 questions only one person can still be the celebrity. Verification: ask every other person
 * about the candidate both ways, 2(n - 1) questions. At most 3n - 3 calls in all, O(1) memory.
 *
 * knows(a, b) is provided by the judge.
 * @param {number} n
 * @return {number}
 */
function findCelebrity(n) {
  let candidate = 0;
  for (let i = 1; i < n; i++) if (knows(candidate, i)) candidate = i;
  for (let i = 0; i < n; i++) {
    if (i === candidate) continue;
    if (knows(candidate, i) || !knows(i, candidate)) return -1;
  }
  return candidate;
}
