# Forgets that every task tied for the highest count needs a slot in the last block.
from collections import Counter


def leastInterval(tasks, n):
    most = max(Counter(tasks).values())
    return max(len(tasks), (most - 1) * (n + 1) + 1)
