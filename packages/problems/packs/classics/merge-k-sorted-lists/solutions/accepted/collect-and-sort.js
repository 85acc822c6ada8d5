// @idiomatic
// Collect every value into an array, sort it, and build a new list from the sorted values.
function mergeKLists(lists) {
  const values = [];
  for (let node of lists) {
    while (node) {
      values.push(node.val);
      node = node.next;
    }
  }
  values.sort((a, b) => a - b);
  const dummy = new ListNode(0);
  let tail = dummy;
  for (const v of values) {
    tail.next = new ListNode(v);
    tail = tail.next;
  }
  return dummy.next;
}
