// Merges the lists into the result one at a time: the result is walked again for every list,
// O(N · k) when there are many short lists.
function mergeKLists(lists) {
  let result = null;
  for (const list of lists) {
    const dummy = new ListNode(0);
    let tail = dummy;
    let a = result;
    let b = list;
    while (a && b) {
      if (a.val <= b.val) {
        tail.next = a;
        a = a.next;
      } else {
        tail.next = b;
        b = b.next;
      }
      tail = tail.next;
    }
    tail.next = a || b;
    result = dummy.next;
  }
  return result;
}
