// Collects every value and sorts them, but Array.prototype.sort without a comparator compares strings:
// "-1" < "-5", "10" < "9".
function mergeKLists(lists) {
  const values = [];
  for (let node of lists) {
    while (node) {
      values.push(node.val);
      node = node.next;
    }
  }
  values.sort();
  let head = null;
  for (let i = values.length - 1; i >= 0; i--) head = new ListNode(values[i], head);
  return head;
}
