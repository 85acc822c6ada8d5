# @idiomatic
# Groups the indices by class, deals them to the folds class by class in ascending label order,
# continuing the turn across classes, and sorts every fold.
from collections import defaultdict


def stratifiedKFold(labels, k):
    members = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    folds = [[] for _ in range(k)]
    position = 0
    for label in sorted(members):
        for i in members[label]:
            folds[position % k].append(i)
            position += 1
    return [sorted(fold) for fold in folds]
