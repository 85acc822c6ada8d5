// Greedy in cycles of n + 1 slots, but each cycle takes the available tasks in alphabetical order
// instead of those with the most copies left, so a frequent task late in the alphabet is left to idle
// alone at the end.
function leastInterval(tasks, n) {
  const counts = new Array(26).fill(0);
  for (const t of tasks) counts[t.charCodeAt(0) - 65]++;
  let left = tasks.length;
  let time = 0;
  while (left > 0) {
    let ran = 0;
    for (let k = 0; k < 26 && ran <= n; k++) {
      if (counts[k] > 0) {
        counts[k]--;
        ran++;
        left--;
      }
    }
    time += left > 0 ? n + 1 : ran;
  }
  return time;
}
