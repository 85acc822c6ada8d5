# numpy: sort the scores, count positives from each position with a reversed cumulative sum, and
# find every threshold's position at once with searchsorted.
import numpy as np


def precisionRecallF1(labels, scores, thresholds):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=np.int64)
    order = np.argsort(scores, kind="stable")
    sorted_scores = scores[order]
    positives_from = np.concatenate([np.cumsum(labels[order][::-1])[::-1], [0]])
    first = np.searchsorted(sorted_scores, np.asarray(thresholds, dtype=float), side="left")
    predicted = len(scores) - first
    tp = positives_from[first]
    total = labels.sum()
    result = []
    for p, t in zip(predicted.tolist(), tp.tolist()):
        precision = t / p if p else 0.0
        recall = t / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result.append({"precision": precision, "recall": float(recall), "f1": float(f1)})
    return result
