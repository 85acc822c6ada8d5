// Collects the values into a Set before sorting them numerically,
// so repeated values (within or across lists) appear once.
function mergeKLists(lists) {
  const values = [];
  for (let node of lists) {
    while (node) {
      values.push(node.val);
      node = node.next;
    }
  }
  const unique = [...new Set(values)].sort((a, b) => a - b);
  let head = null;
  for (let i = unique.length - 1; i >= 0; i--) head = new ListNode(unique[i], head);
  return head;
}
