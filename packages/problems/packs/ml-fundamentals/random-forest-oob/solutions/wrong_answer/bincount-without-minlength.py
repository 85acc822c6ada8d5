# @expect runtime_error
# Counts each tree's draws with np.bincount but forgets minlength=n: when the highest-numbered points
# were never drawn the count array is shorter than n, and the out-of-bag mask no longer lines up with
# the points (an IndexError).
import math

import numpy as np


def randomForestOob(labels, predictions, numFeatures, seed):
    n = len(labels)
    state = seed
    m = math.isqrt(numFeatures)
    out_of_bag = []
    feature_subsets = []
    for _ in predictions:
        draws = []
        for _ in range(n):
            state = state * 48271 % 2147483647
            draws.append(state % n)
        out_of_bag.append(np.bincount(draws) == 0)
        features = list(range(numFeatures))
        for i in range(m):
            state = state * 48271 % 2147483647
            j = i + state % (numFeatures - i)
            features[i], features[j] = features[j], features[i]
        feature_subsets.append(features[:m])

    oob_predictions = []
    predicted = wrong = 0
    for i in range(n):
        votes = {}
        for row, mask in zip(predictions, out_of_bag):
            if mask[i]:
                votes[row[i]] = votes.get(row[i], 0) + 1
        if not votes:
            oob_predictions.append(-1)
            continue
        best = min(votes, key=lambda c: (-votes[c], c))
        oob_predictions.append(best)
        predicted += 1
        wrong += best != labels[i]
    return {
        "featureSubsets": feature_subsets,
        "oobPredictions": oob_predictions,
        "oobError": wrong / predicted if predicted else 0.0,
    }
