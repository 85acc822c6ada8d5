# Takes SS_tot in one pass as sum(y²) − n·mean²: with targets near 10^9 the two terms are ~10^19 and
# their difference is lost to rounding (catastrophic cancellation), so R² is far off, or SS_tot
# rounds to exactly 0 and the division fails.
# @expect wrong_answer, runtime_error
import numpy as np


def regressionMetrics(targets, predictions):
    y = np.asarray(targets, dtype=float)
    p = np.asarray(predictions, dtype=float)
    n = len(y)
    errors = y - p
    ss_res = float(np.sum(errors**2))
    if np.all(y == y[0]):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        ss_tot = float(np.sum(y**2) - n * y.mean() ** 2)
        r2 = 1 - ss_res / ss_tot
    return {"mae": float(np.mean(np.abs(errors))), "rmse": float(np.sqrt(ss_res / n)), "r2": r2}
