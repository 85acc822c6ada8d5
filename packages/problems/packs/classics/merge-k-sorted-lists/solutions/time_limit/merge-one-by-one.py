# Merges the lists into the result one at a time: the result is walked again for every list,
# O(N · k) when there are many short lists.
def mergeKLists(lists):
    result = None
    for lst in lists:
        dummy = ListNode()
        tail = dummy
        a, b = result, lst
        while a and b:
            if a.val <= b.val:
                tail.next = a
                a = a.next
            else:
                tail.next = b
                b = b.next
            tail = tail.next
        tail.next = a or b
        result = dummy.next
    return result
