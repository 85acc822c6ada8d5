# @idiomatic
# Draw each bag with the stated generator, count labels per category in Counters, turn them into the
# bag's lookup table, then tally the bags' predictions for every query.
from collections import Counter, defaultdict


def best(counts):
    return min(counts, key=lambda label: (-counts[label], label))


def baggingVote(x, y, queries, bags, seed):
    n = len(x)
    state = seed
    per_bag = []
    for _ in range(bags):
        by_category = defaultdict(Counter)
        labels = Counter()
        for _ in range(n):
            state = state * 48271 % 2147483647
            i = state % n
            by_category[x[i]][y[i]] += 1
            labels[y[i]] += 1
        fallback = best(labels)
        rule = {c: best(counts) for c, counts in by_category.items()}
        per_bag.append([rule.get(c, fallback) for c in queries])
    return [best(Counter(column)) for column in zip(*per_bag)]
