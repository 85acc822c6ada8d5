# Starts every class at fold 0 instead of continuing the turn: the first folds collect the remainder of
# every class and grow larger than the last ones.
from collections import defaultdict


def stratifiedKFold(labels, k):
    members = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    folds = [[] for _ in range(k)]
    for label in sorted(members):
        for position, i in enumerate(members[label]):
            folds[position % k].append(i)
    return [sorted(fold) for fold in folds]
