// Forgets that the schedule can never be shorter than the number of tasks (no idling needed).
function leastInterval(tasks, n) {
  const counts = new Array(26).fill(0);
  for (const t of tasks) counts[t.charCodeAt(0) - 65]++;
  const maxCount = Math.max(...counts);
  const tied = counts.filter((c) => c === maxCount).length;
  return (maxCount - 1) * (n + 1) + tied;
}
