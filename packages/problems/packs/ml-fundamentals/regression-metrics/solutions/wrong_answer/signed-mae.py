# Forgets the absolute value in MAE: over- and under-predictions cancel (the mean error, not MAE).
import math


def regressionMetrics(targets, predictions):
    n = len(targets)
    errors = [y - p for y, p in zip(targets, predictions)]
    ss_res = sum(e * e for e in errors)
    mean = sum(targets) / n
    ss_tot = sum((y - mean) ** 2 for y in targets)
    if all(y == targets[0] for y in targets):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1 - ss_res / ss_tot
    return {"mae": abs(sum(errors) / n), "rmse": math.sqrt(ss_res / n), "r2": r2}
