# For every class that occurs, rescans all examples to count its row of the matrix: O(n · classes).
def confusionMatrixF1(numClasses, actual, predicted):
    n = len(actual)
    present = sorted(set(actual) | set(predicted))
    cells = []
    f1_sum = 0.0
    correct = 0
    for c in present:
        row = {}
        tp = fp = fn = 0
        for a, p in zip(actual, predicted):
            if a == c:
                row[p] = row.get(p, 0) + 1
                if p == c:
                    tp += 1
                else:
                    fn += 1
            elif p == c:
                fp += 1
        correct += tp
        for p in sorted(row):
            cells.append([c, p, row[p]])
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        if precision + recall > 0:
            f1_sum += 2 * precision * recall / (precision + recall)
    return {"cells": cells, "macroF1": f1_sum / len(present), "microF1": correct / n}
