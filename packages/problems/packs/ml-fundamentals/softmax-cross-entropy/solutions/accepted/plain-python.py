# @idiomatic
# Plain Python: a max-shifted log-sum-exp per row, then the smoothed loss from log-probabilities.
import math


def crossEntropy(logits, labels, smoothing):
    total = 0.0
    for row, label in zip(logits, labels):
        m = max(row)
        lse = m + math.log(sum(math.exp(z - m) for z in row))
        log_probs = [z - lse for z in row]
        total -= (1 - smoothing) * log_probs[label] + smoothing * sum(log_probs) / len(row)
    return total / len(logits)
