# Correct impurities, but ties go to the last candidate: the largest feature index and threshold.
from collections import Counter


def gini(counts, size):
    return 1 - sum((c / size) ** 2 for c in counts.values())


def bestStump(X, y):
    n, d = len(X), len(X[0])
    total = Counter(y)
    best = {"feature": -1, "threshold": 0.0, "impurity": gini(total, n)}
    best_impurity = float("inf")
    for f in range(d):
        order = sorted(range(n), key=lambda i: X[i][f])
        left = Counter()
        right = Counter(total)
        for k in range(n - 1):
            label = y[order[k]]
            left[label] += 1
            right[label] -= 1
            if right[label] == 0:
                del right[label]
            a, b = X[order[k]][f], X[order[k + 1]][f]
            if a == b:
                continue
            impurity = (k + 1) / n * gini(left, k + 1) + (n - k - 1) / n * gini(right, n - k - 1)
            if impurity <= best_impurity + 1e-9:
                best_impurity = min(best_impurity, impurity)
                best = {"feature": f, "threshold": (a + b) / 2, "impurity": impurity}
    return best
