# @idiomatic
# For each sample, count votes and weights per label with Counters, then apply the two tie rules; the
# models are sorted once by weight (heaviest first, then by index) for the weighted tie.
from collections import Counter


def ensembleVote(predictions, weights):
    m, n = len(predictions), len(predictions[0])
    order = sorted(range(m), key=lambda j: (-weights[j], j))
    majority, weighted = [], []
    for i in range(n):
        votes = Counter()
        scores = Counter()
        for j in range(m):
            label = predictions[j][i]
            votes[label] += 1
            scores[label] += weights[j]
        most = max(votes.values())
        majority.append(min(label for label, count in votes.items() if count == most))
        top = max(scores.values())
        for j in order:
            if scores[predictions[j][i]] == top:
                weighted.append(predictions[j][i])
                break
    return {"majority": majority, "weighted": weighted}
