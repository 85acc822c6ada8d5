# For every candidate threshold, counts the classes on each side by scanning all n samples again:
# O(d · n²).
from collections import Counter


def gini(counts, size):
    return 1 - sum((c / size) ** 2 for c in counts.values())


def bestStump(X, y):
    n, d = len(X), len(X[0])
    best = {"feature": -1, "threshold": 0.0, "impurity": gini(Counter(y), n)}
    best_impurity = float("inf")
    for f in range(d):
        values = sorted(set(row[f] for row in X))
        for a, b in zip(values, values[1:]):
            t = (a + b) / 2
            left = Counter(y[i] for i in range(n) if X[i][f] <= t)
            right = Counter(y[i] for i in range(n) if X[i][f] > t)
            nl, nr = sum(left.values()), sum(right.values())
            impurity = nl / n * gini(left, nl) + nr / n * gini(right, nr)
            if impurity < best_impurity - 1e-9:
                best_impurity = impurity
                best = {"feature": f, "threshold": t, "impurity": impurity}
    return best
