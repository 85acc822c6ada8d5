/**
 * Counting formula: the most frequent tasks frame (maxCount - 1) blocks of n + 1 slots, plus one slot
 * per task tied for the maximum; when the other tasks overflow the idle slots there is no idling at all.
 * O(len) time, O(1) memory.
 * @param {string[]} tasks
 * @param {number} n
 * @return {number}
 */
function leastInterval(tasks, n) {
  const counts = new Array(26).fill(0);
  for (let i = 0; i < tasks.length; i++) counts[tasks[i].charCodeAt(0) - 65]++;
  let maxCount = 0;
  let tied = 0;
  for (const c of counts) {
    if (c > maxCount) {
      maxCount = c;
      tied = 1;
    } else if (c === maxCount) tied++;
  }
  return Math.max(tasks.length, (maxCount - 1) * (n + 1) + tied);
}
