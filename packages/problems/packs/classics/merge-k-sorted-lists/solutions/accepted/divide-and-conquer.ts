// Merges the lists in pairs, round after round, like a bottom-up merge sort: log k rounds, each touching
// every node once, so O(N log k) time and O(1) extra memory besides the array of heads.
function mergeKLists(lists: Array<ListNode | null>): ListNode | null {
  if (lists.length === 0) return null;
  const mergeTwo = (a: ListNode | null, b: ListNode | null): ListNode | null => {
    const dummy = new ListNode(0);
    let tail = dummy;
    while (a !== null && b !== null) {
      if (a.val <= b.val) {
        tail.next = a;
        a = a.next;
      } else {
        tail.next = b;
        b = b.next;
      }
      tail = tail.next as ListNode;
    }
    tail.next = a !== null ? a : b;
    return dummy.next;
  };
  let heads = lists.slice();
  while (heads.length > 1) {
    const next: Array<ListNode | null> = [];
    for (let i = 0; i < heads.length; i += 2)
      next.push(i + 1 < heads.length ? mergeTwo(heads[i], heads[i + 1]) : heads[i]);
    heads = next;
  }
  return heads[0];
}
