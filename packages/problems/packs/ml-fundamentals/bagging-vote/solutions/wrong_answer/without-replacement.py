# Samples without replacement: a drawn index that is already in the bag is drawn again, so every bag
# holds each training point exactly once and all the models are the same. Redrawing until every
# point is in (coupon collecting) is also slow on large inputs.
# @expect wrong_answer, time_limit_exceeded
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
        chosen = set()
        while len(chosen) < n:
            state = state * 48271 % 2147483647
            i = state % n
            if i in chosen:
                continue
            chosen.add(i)
            by_category[x[i]][y[i]] += 1
            labels[y[i]] += 1
        fallback = best(labels)
        rule = {c: best(counts) for c, counts in by_category.items()}
        per_bag.append([rule.get(c, fallback) for c in queries])
    return [best(Counter(column)) for column in zip(*per_bag)]
