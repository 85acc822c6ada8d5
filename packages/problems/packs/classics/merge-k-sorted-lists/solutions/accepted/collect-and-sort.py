# @idiomatic
# Collects every value, sorts them, and builds a new list.
def mergeKLists(lists):
    values = []
    for node in lists:
        while node:
            values.append(node.val)
            node = node.next
    values.sort()
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head
