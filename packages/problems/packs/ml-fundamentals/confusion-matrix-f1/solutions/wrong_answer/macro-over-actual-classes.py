# Averages macro F1 only over classes that occur in `actual`, skipping classes that are only predicted.
from collections import Counter


def confusionMatrixF1(numClasses, actual, predicted):
    cell_counts = Counter(zip(actual, predicted))
    actual_count = Counter(actual)
    predicted_count = Counter(predicted)
    tp = Counter(a for a, p in zip(actual, predicted) if a == p)
    cells = [[a, p, count] for (a, p), count in sorted(cell_counts.items())]
    f1_sum = 0.0
    for c in actual_count:
        precision = tp[c] / predicted_count[c] if predicted_count[c] else 0.0
        recall = tp[c] / actual_count[c]
        if precision + recall > 0:
            f1_sum += 2 * precision * recall / (precision + recall)
    return {
        "cells": cells,
        "macroF1": f1_sum / len(actual_count),
        "microF1": sum(tp.values()) / len(actual),
    }
