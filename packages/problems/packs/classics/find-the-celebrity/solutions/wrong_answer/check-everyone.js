// Checks each person in turn against everybody else, stopping at the first pair that rules them out.
// Right answers, but about n^2 questions when the celebrity comes last: over the 3n budget.
function findCelebrity(n) {
  for (let c = 0; c < n; c++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      if (j !== c && (!knows(j, c) || knows(c, j))) ok = false;
    }
    if (ok) return c;
  }
  return -1;
}
