# @idiomatic
# Replays the forest's random draws (each tree's bootstrap sample, then its feature subset), and lets
# every tree vote only on the points its bootstrap sample missed.
import math


def randomForestOob(labels, predictions, numFeatures, seed):
    n = len(labels)
    state = seed
    m = math.isqrt(numFeatures)
    votes = [{} for _ in range(n)]
    feature_subsets = []
    for row in predictions:
        in_bag = [False] * n
        for _ in range(n):
            state = state * 48271 % 2147483647
            in_bag[state % n] = True
        for i in range(n):
            if not in_bag[i]:
                votes[i][row[i]] = votes[i].get(row[i], 0) + 1
        features = list(range(numFeatures))
        for i in range(m):
            state = state * 48271 % 2147483647
            j = i + state % (numFeatures - i)
            features[i], features[j] = features[j], features[i]
        feature_subsets.append(features[:m])

    oob_predictions = []
    predicted = wrong = 0
    for label, tally in zip(labels, votes):
        if not tally:
            oob_predictions.append(-1)
            continue
        # Most votes first, then the smallest label.
        best = min(tally, key=lambda c: (-tally[c], c))
        oob_predictions.append(best)
        predicted += 1
        wrong += best != label
    return {
        "featureSubsets": feature_subsets,
        "oobPredictions": oob_predictions,
        "oobError": wrong / predicted if predicted else 0.0,
    }
