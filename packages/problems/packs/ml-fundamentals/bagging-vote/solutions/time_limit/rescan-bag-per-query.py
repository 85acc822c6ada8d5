# Keeps each bag's drawn indices and, for every query, scans the whole bag again to count the labels
# of the query's category: O(bags · queries · n).
from collections import Counter


def best(counts):
    return min(counts, key=lambda label: (-counts[label], label))


def baggingVote(x, y, queries, bags, seed):
    n = len(x)
    state = seed
    votes = [Counter() for _ in queries]
    for _ in range(bags):
        bag = []
        for _ in range(n):
            state = state * 48271 % 2147483647
            bag.append(state % n)
        for j, c in enumerate(queries):
            counts = Counter(y[i] for i in bag if x[i] == c)
            if not counts:
                counts = Counter(y[i] for i in bag)
            votes[j][best(counts)] += 1
    return [best(v) for v in votes]
