# Selects the right neighbours, but breaks vote ties by the smallest label.
from collections import Counter

import numpy as np


def knnClassify(trainX, trainY, queries, k):
    X = np.array(trainX, dtype=np.int64)
    result = []
    for q in queries:
        dist = ((X - np.array(q, dtype=np.int64)) ** 2).sum(axis=1)
        nearest = np.argsort(dist, kind="stable")[:k]
        votes = Counter(trainY[i] for i in nearest)
        most = max(votes.values())
        result.append(min(label for label, count in votes.items() if count == most))
    return result
