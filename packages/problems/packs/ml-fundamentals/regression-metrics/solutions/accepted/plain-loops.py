# @idiomatic
# Plain Python: sum the absolute and squared errors, then the squared deviations around the mean target.
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
    return {"mae": sum(abs(e) for e in errors) / n, "rmse": math.sqrt(ss_res / n), "r2": r2}
