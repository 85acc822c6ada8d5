/**
 * Keeps the current head of every non-empty list in a binary min-heap and relinks the smallest head each
 * step: O(N log k) time, O(k) extra memory. Ties go to the lower list index, so the merge is stable.
 *
 * function ListNode(val, next) { this.val = val ?? 0; this.next = next ?? null; }
 * @param {ListNode[]} lists
 * @return {ListNode}
 */
function mergeKLists(lists) {
  const heap = [];
  const idx = [];
  const less = (a, b) => heap[a].val < heap[b].val || (heap[a].val === heap[b].val && idx[a] < idx[b]);
  const swap = (a, b) => {
    const n = heap[a];
    heap[a] = heap[b];
    heap[b] = n;
    const i = idx[a];
    idx[a] = idx[b];
    idx[b] = i;
  };
  const up = (i) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const down = (i) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < lists.length; i++) {
    if (lists[i] === null) continue;
    heap.push(lists[i]);
    idx.push(i);
    up(heap.length - 1);
  }
  const dummy = new ListNode(0, null);
  let tail = dummy;
  while (heap.length > 0) {
    const node = heap[0];
    tail.next = node;
    tail = node;
    if (node.next !== null) {
      heap[0] = node.next;
    } else {
      const lastNode = heap.pop();
      const lastIdx = idx.pop();
      if (heap.length === 0) break;
      heap[0] = lastNode;
      idx[0] = lastIdx;
    }
    down(0);
  }
  tail.next = null;
  return dummy.next;
}
