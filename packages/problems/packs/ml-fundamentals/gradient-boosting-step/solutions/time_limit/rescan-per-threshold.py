# For every candidate threshold, recomputes both leaves' means and the SSE by scanning all n samples
# again: O(d · n²).
def boostingStep(X, y, F, learningRate):
    n, d = len(X), len(X[0])
    r = [t - p for t, p in zip(y, F)]
    mean = sum(r) / n
    scale = 1 + sum(v * v for v in r)
    best = (-1, 0.0, mean, mean)
    best_sse = float("inf")
    for f in range(d):
        values = sorted(set(row[f] for row in X))
        for a, b in zip(values, values[1:]):
            t = (a + b) / 2
            left = [r[i] for i in range(n) if X[i][f] <= t]
            right = [r[i] for i in range(n) if X[i][f] > t]
            ml, mr = sum(left) / len(left), sum(right) / len(right)
            sse = sum((v - ml) ** 2 for v in left) + sum((v - mr) ** 2 for v in right)
            if sse < best_sse - 1e-9 * scale:
                best_sse = sse
                best = (f, t, ml, mr)
    feature, threshold, left, right = best
    predictions = [
        p + learningRate * (left if feature == -1 or row[feature] <= threshold else right) for p, row in zip(F, X)
    ]
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "predictions": predictions}
