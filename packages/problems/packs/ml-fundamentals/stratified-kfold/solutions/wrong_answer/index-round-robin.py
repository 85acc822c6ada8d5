# Ignores the labels: deals the examples to the folds in index order, example i to fold i mod k.
def stratifiedKFold(labels, k):
    folds = [[] for _ in range(k)]
    for i in range(len(labels)):
        folds[i % k].append(i)
    return folds
