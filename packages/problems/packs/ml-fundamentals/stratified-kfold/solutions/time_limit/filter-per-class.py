# For every class, scans all the labels to collect its members: O(n · classes).
def stratifiedKFold(labels, k):
    folds = [[] for _ in range(k)]
    position = 0
    for c in sorted(set(labels)):
        for i in [i for i, label in enumerate(labels) if label == c]:
            folds[position % k].append(i)
            position += 1
    return [sorted(fold) for fold in folds]
