# Clips p from below to eps but not from above to 1 − eps: a confident p = 1 for a negative example
# gives an infinite loss.
import numpy as np


def logLoss(labels, probabilities, eps, queries):
    y = np.asarray(labels, dtype=float)
    p = np.maximum(np.asarray(probabilities, dtype=float), eps)
    losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    prefix = np.concatenate([[0.0], np.cumsum(losses)])
    return [float((prefix[end] - prefix[start]) / (end - start)) for start, end in queries]
