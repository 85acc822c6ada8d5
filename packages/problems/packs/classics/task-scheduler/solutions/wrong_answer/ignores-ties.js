// Forgets that every task tied for the highest count needs a slot in the last block.
function leastInterval(tasks, n) {
  const counts = {};
  let maxCount = 0;
  for (const t of tasks) {
    counts[t] = (counts[t] || 0) + 1;
    maxCount = Math.max(maxCount, counts[t]);
  }
  return Math.max(tasks.length, (maxCount - 1) * (n + 1) + 1);
}
