# Treats precision as 1 when nothing is predicted positive (the "no false positives" convention).
from bisect import bisect_left


def precisionRecallF1(labels, scores, thresholds):
    pairs = sorted(zip(scores, labels))
    sorted_scores = [s for s, _ in pairs]
    n = len(pairs)
    positives_from = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        positives_from[i] = positives_from[i + 1] + pairs[i][1]
    total_positives = positives_from[0]
    result = []
    for t in thresholds:
        first = bisect_left(sorted_scores, t)
        predicted = n - first
        tp = positives_from[first]
        precision = tp / predicted if predicted else 1.0
        recall = tp / total_positives if total_positives else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result.append({"precision": precision, "recall": recall, "f1": f1})
    return result
