# @idiomatic
# Count each task and fill the idle slots between copies of the most frequent task.
from collections import Counter


def leastInterval(tasks, n):
    counts = Counter(tasks)
    most = max(counts.values())
    tied = sum(1 for c in counts.values() if c == most)
    return max(len(tasks), (most - 1) * (n + 1) + tied)
