# Fits the stump to the targets y instead of the residuals y − F: the step ignores what the ensemble
# already predicts.
def boostingStep(X, y, F, learningRate):
    n, d = len(X), len(X[0])
    r = list(y)
    total = sum(r)
    total_sq = sum(v * v for v in r)
    window = 1e-9 * (1 + total_sq)
    best = (-1, 0.0, total / n, total / n)
    best_sse = float("inf")
    for f in range(d):
        order = sorted(range(n), key=lambda i: X[i][f])
        left_sum = 0.0
        for k in range(n - 1):
            left_sum += r[order[k]]
            a, b = X[order[k]][f], X[order[k + 1]][f]
            if a == b:
                continue
            n_left, n_right = k + 1, n - k - 1
            right_sum = total - left_sum
            sse = total_sq - left_sum**2 / n_left - right_sum**2 / n_right
            # Features in order and thresholds ascending: only a clearly better split replaces the best.
            if sse < best_sse - window:
                best_sse = sse
                best = (f, (a + b) / 2, left_sum / n_left, right_sum / n_right)
    feature, threshold, left, right = best
    predictions = [
        p + learningRate * (left if feature == -1 or row[feature] <= threshold else right) for p, row in zip(F, X)
    ]
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "predictions": predictions}
