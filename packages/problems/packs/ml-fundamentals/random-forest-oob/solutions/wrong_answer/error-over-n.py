# Divides the misclassified points by all n points instead of by the points that have an out-of-bag
# prediction, so every point that was in every bag counts as correct.
import math
from collections import Counter


def randomForestOob(labels, predictions, numFeatures, seed):
    n = len(labels)
    state = seed

    def draw():
        nonlocal state
        state = state * 48271 % 2147483647
        return state

    m = math.isqrt(numFeatures)
    bags = []
    feature_subsets = []
    for _ in predictions:
        bags.append({draw() % n for _ in range(n)})
        features = list(range(numFeatures))
        for i in range(m):
            j = i + draw() % (numFeatures - i)
            features[i], features[j] = features[j], features[i]
        feature_subsets.append(features[:m])
    oob_predictions = []
    wrong = 0
    for i in range(n):
        votes = Counter(row[i] for row, bag in zip(predictions, bags) if i not in bag)
        if not votes:
            oob_predictions.append(-1)
            continue
        top = max(votes.values())
        best = min(label for label, count in votes.items() if count == top)
        oob_predictions.append(best)
        wrong += best != labels[i]
    return {"featureSubsets": feature_subsets, "oobPredictions": oob_predictions, "oobError": wrong / n}
