// @idiomatic
// Count each task, sort the counts, and fill the idle slots between copies of the most frequent task.
function leastInterval(tasks, n) {
  const count = new Map();
  for (const t of tasks) count.set(t, (count.get(t) || 0) + 1);
  const counts = [...count.values()].sort((a, b) => b - a);
  const max = counts[0];
  let tied = 0;
  for (const c of counts) if (c === max) tied++;
  return Math.max(tasks.length, (max - 1) * (n + 1) + tied);
}
