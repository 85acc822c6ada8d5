# @idiomatic
# Compute each example's clipped loss once, keep running totals, and answer each range from two totals.
import math


def logLoss(labels, probabilities, eps, queries):
    prefix = [0.0]
    for label, p in zip(labels, probabilities):
        p = min(max(p, eps), 1 - eps)
        loss = -math.log(p) if label == 1 else -math.log(1 - p)
        prefix.append(prefix[-1] + loss)
    return [(prefix[end] - prefix[start]) / (end - start) for start, end in queries]
