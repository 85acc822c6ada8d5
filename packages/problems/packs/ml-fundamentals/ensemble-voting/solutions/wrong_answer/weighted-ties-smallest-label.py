# Breaks weighted ties by the smallest label, like the plain majority vote.
from collections import Counter


def ensembleVote(predictions, weights):
    m, n = len(predictions), len(predictions[0])
    majority, weighted = [], []
    for i in range(n):
        votes = Counter()
        scores = Counter()
        for j in range(m):
            votes[predictions[j][i]] += 1
            scores[predictions[j][i]] += weights[j]
        most = max(votes.values())
        majority.append(min(label for label, count in votes.items() if count == most))
        top = max(scores.values())
        weighted.append(min(label for label, score in scores.items() if score == top))
    return {"majority": majority, "weighted": weighted}
