# numpy: per feature, argsort, cumulative sums of the residuals, and every candidate's SSE at once.
import numpy as np


def boostingStep(X, y, F, learningRate):
    X = np.array(X, dtype=float)
    F = np.array(F, dtype=float)
    r = np.array(y, dtype=float) - F
    n, d = X.shape
    total, total_sq = r.sum(), (r * r).sum()
    window = 1e-9 * (1 + total_sq)
    candidates = []  # (sse, feature, threshold, left, right), in (feature, threshold) order
    for f in range(d):
        order = np.argsort(X[:, f], kind="stable")
        values = X[order, f]
        left_sum = np.cumsum(r[order])[:-1]
        n_left = np.arange(1, n)
        valid = values[:-1] != values[1:]
        if not valid.any():
            continue
        left_sum, n_left = left_sum[valid], n_left[valid]
        right_sum, n_right = total - left_sum, n - n_left
        sse = total_sq - left_sum**2 / n_left - right_sum**2 / n_right
        thresholds = (values[:-1][valid] + values[1:][valid]) / 2
        for k in range(len(sse)):
            candidates.append((sse[k], f, thresholds[k], left_sum[k] / n_left[k], right_sum[k] / n_right[k]))
    if not candidates:
        mean = total / n
        return {"feature": -1, "threshold": 0.0, "left": mean, "right": mean, "predictions": F + learningRate * mean}
    lowest = min(c[0] for c in candidates)
    _, feature, threshold, left, right = next(c for c in candidates if c[0] <= lowest + window)
    step = np.where(X[:, feature] <= threshold, left, right)
    return {
        "feature": int(feature),
        "threshold": float(threshold),
        "left": float(left),
        "right": float(right),
        "predictions": F + learningRate * step,
    }
