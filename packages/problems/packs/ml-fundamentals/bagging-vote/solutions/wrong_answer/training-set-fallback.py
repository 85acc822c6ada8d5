# For a category missing from a bag, predicts the majority label of the whole training set instead of
# the majority label of the bag's own draws.
from collections import Counter, defaultdict


def best(counts):
    return min(counts, key=lambda label: (-counts[label], label))


def baggingVote(x, y, queries, bags, seed):
    n = len(x)
    state = seed
    fallback = best(Counter(y))
    per_bag = []
    for _ in range(bags):
        by_category = defaultdict(Counter)
        for _ in range(n):
            state = state * 48271 % 2147483647
            i = state % n
            by_category[x[i]][y[i]] += 1
        rule = {c: best(counts) for c, counts in by_category.items()}
        per_bag.append([rule.get(c, fallback) for c in queries])
    return [best(Counter(column)) for column in zip(*per_bag)]
