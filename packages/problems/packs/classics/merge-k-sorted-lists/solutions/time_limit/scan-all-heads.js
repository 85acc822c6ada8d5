// k-way merge that finds the smallest head by scanning all k lists for every node: O(N · k).
function mergeKLists(lists) {
  const heads = lists.slice();
  const dummy = new ListNode(0);
  let tail = dummy;
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i] !== null && (best < 0 || heads[i].val < heads[best].val)) best = i;
    }
    if (best < 0) break;
    tail.next = heads[best];
    tail = tail.next;
    heads[best] = heads[best].next;
  }
  tail.next = null;
  return dummy.next;
}
