# numpy: vector errors, and the total sum of squares around the mean target (two passes, so no cancellation).
import numpy as np


def regressionMetrics(targets, predictions):
    y = np.asarray(targets, dtype=float)
    p = np.asarray(predictions, dtype=float)
    errors = y - p
    ss_res = float(np.sum(errors**2))
    if np.all(y == y[0]):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1 - ss_res / float(np.sum((y - y.mean()) ** 2))
    return {"mae": float(np.mean(np.abs(errors))), "rmse": float(np.sqrt(ss_res / len(y))), "r2": r2}
