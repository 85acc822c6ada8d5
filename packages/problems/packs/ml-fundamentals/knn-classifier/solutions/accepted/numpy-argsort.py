# @idiomatic
# numpy: for each query, the squared distances to every training point in one expression, a stable
# argsort (equal distances keep the lower index first), and a vote over the first k labels.
from collections import Counter

import numpy as np


def knnClassify(trainX, trainY, queries, k):
    X = np.array(trainX, dtype=np.int64)
    result = []
    for q in queries:
        dist = ((X - np.array(q, dtype=np.int64)) ** 2).sum(axis=1)
        nearest = np.argsort(dist, kind="stable")[:k]
        labels = [trainY[i] for i in nearest]
        votes = Counter(labels)
        most = max(votes.values())
        # The first label in neighbour order with the most votes wins the tie.
        result.append(next(label for label in labels if votes[label] == most))
    return result
