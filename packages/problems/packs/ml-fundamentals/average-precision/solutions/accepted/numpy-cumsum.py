# Cumulative counts over the examples sorted by descending score, kept at the last position of every
# run of tied scores (numpy's unique on the negated scores gives those runs).
import numpy as np


def averagePrecision(labels, scores):
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    positives = int(y.sum())
    if positives == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[s[1:] != s[:-1], True]
    tp = np.cumsum(y)[last]
    predicted = np.flatnonzero(last) + 1
    recall = tp / positives
    gained = np.diff(np.r_[0.0, recall])
    return float(np.sum(gained * tp / predicted))
