# Computes each class's log-probability as z - log_sum_exp(row), recomputing the row's log-sum-exp for
# every class: O(n · C²).
import math


def log_sum_exp(row):
    m = max(row)
    return m + math.log(sum(math.exp(z - m) for z in row))


def crossEntropy(logits, labels, smoothing):
    total = 0.0
    for row, label in zip(logits, labels):
        log_probs = [z - log_sum_exp(row) for z in row]
        total -= (1 - smoothing) * log_probs[label] + smoothing * sum(log_probs) / len(row)
    return total / len(logits)
