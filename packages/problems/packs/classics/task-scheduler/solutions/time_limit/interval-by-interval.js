// Simulates the schedule one interval at a time: at each step run the available task with the most
// copies left, or idle. Correct, but the answer (and so the loop) can reach about len · n intervals.
function leastInterval(tasks, n) {
  const remaining = new Array(26).fill(0);
  for (const t of tasks) remaining[t.charCodeAt(0) - 65]++;
  const readyAt = new Array(26).fill(0);
  let left = tasks.length;
  let time = 0;
  while (left > 0) {
    let best = -1;
    for (let k = 0; k < 26; k++) {
      if (remaining[k] > 0 && readyAt[k] <= time && (best < 0 || remaining[k] > remaining[best])) best = k;
    }
    if (best >= 0) {
      remaining[best]--;
      readyAt[best] = time + n + 1;
      left--;
    }
    time++;
  }
  return time;
}
