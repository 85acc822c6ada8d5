# @idiomatic
# Count the cells with a Counter of (actual, predicted) pairs and TP, predictions and actuals per class,
# then sort the cells and average F1 over the classes that appear.
from collections import Counter


def confusionMatrixF1(numClasses, actual, predicted):
    cell_counts = Counter(zip(actual, predicted))
    actual_count = Counter(actual)
    predicted_count = Counter(predicted)
    tp = Counter(a for a, p in zip(actual, predicted) if a == p)
    cells = [[a, p, count] for (a, p), count in sorted(cell_counts.items())]
    present = set(actual_count) | set(predicted_count)
    f1_sum = 0.0
    for c in present:
        precision = tp[c] / predicted_count[c] if predicted_count[c] else 0.0
        recall = tp[c] / actual_count[c] if actual_count[c] else 0.0
        if precision + recall > 0:
            f1_sum += 2 * precision * recall / (precision + recall)
    return {
        "cells": cells,
        "macroF1": f1_sum / len(present),
        "microF1": sum(tp.values()) / len(actual),
    }
