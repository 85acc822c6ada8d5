# Lets every tree vote on every point, including the trees trained on it: the in-bag trees have seen
# the point's label, so the "out-of-bag" error leaks the training data and comes out optimistic.
import math
from collections import Counter


def randomForestOob(labels, predictions, numFeatures, seed):
    n = len(labels)
    state = seed
    m = math.isqrt(numFeatures)
    feature_subsets = []
    for _ in predictions:
        for _ in range(n):
            state = state * 48271 % 2147483647
        features = list(range(numFeatures))
        for i in range(m):
            state = state * 48271 % 2147483647
            j = i + state % (numFeatures - i)
            features[i], features[j] = features[j], features[i]
        feature_subsets.append(features[:m])
    oob_predictions = []
    for i in range(n):
        votes = Counter(row[i] for row in predictions)
        top = max(votes.values())
        oob_predictions.append(min(label for label, count in votes.items() if count == top))
    wrong = sum(p != y for p, y in zip(oob_predictions, labels))
    return {"featureSubsets": feature_subsets, "oobPredictions": oob_predictions, "oobError": wrong / n}
