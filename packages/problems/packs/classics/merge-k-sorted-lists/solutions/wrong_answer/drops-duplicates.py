# Collects the values into a set before sorting them, so repeated values (within or across lists)
# appear once.
def mergeKLists(lists):
    values = set()
    for node in lists:
        while node:
            values.add(node.val)
            node = node.next
    head = None
    for v in sorted(values, reverse=True):
        head = ListNode(v, head)
    return head
