# Computes each example's clipped loss once, but still adds up every range with sum(): O(n·q).
import math


def logLoss(labels, probabilities, eps, queries):
    losses = []
    for label, p in zip(labels, probabilities):
        p = min(max(p, eps), 1 - eps)
        losses.append(-math.log(p) if label == 1 else -math.log(1 - p))
    return [sum(losses[start:end]) / (end - start) for start, end in queries]
