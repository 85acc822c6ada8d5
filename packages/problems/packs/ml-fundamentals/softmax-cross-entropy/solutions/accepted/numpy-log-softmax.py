# numpy: a stable log-softmax over the n × C matrix (the max taken along each row), then the smoothed loss.
import numpy as np


def crossEntropy(logits, labels, smoothing):
    z = np.asarray(logits, dtype=float)
    m = z.max(axis=1, keepdims=True)
    log_probs = z - (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))
    n = len(z)
    picked = log_probs[np.arange(n), np.asarray(labels)]
    losses = -((1 - smoothing) * picked + smoothing * log_probs.mean(axis=1))
    return float(losses.mean())
