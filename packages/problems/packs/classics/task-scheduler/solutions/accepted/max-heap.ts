// Greedy simulation in cycles of n + 1 slots: each cycle runs the (up to n + 1) distinct tasks with the
// most remaining copies, taken from a max-heap, and idles out the rest of the cycle in one step unless
// nothing is left. O(maxCount · 26 log 26) after counting.
function leastInterval(tasks: string[], n: number): number {
  const counts: number[] = new Array(26).fill(0);
  for (const t of tasks) counts[t.charCodeAt(0) - 65]++;

  const heap: number[] = [];
  const push = (v: number): void => {
    heap.push(v);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] >= heap[i]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l] > heap[m]) m = l;
        if (r < heap.length && heap[r] > heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };

  for (const c of counts) if (c > 0) push(c);
  let time = 0;
  while (heap.length > 0) {
    const ran: number[] = [];
    for (let slot = 0; slot <= n && heap.length > 0; slot++) ran.push(pop());
    for (const c of ran) if (c > 1) push(c - 1);
    time += heap.length > 0 ? n + 1 : ran.length;
  }
  return time;
}
