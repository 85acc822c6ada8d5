# Plain Python: per column, the observed train mean, then the imputed column's mean and std.
import math


def imputeStandardize(train, test):
    n, d = len(train), len(train[0])
    out_train = [[0.0] * d for _ in train]
    out_test = [[0.0] * d for _ in test]
    for j in range(d):
        observed = [row[j] for row in train if row[j] is not None]
        fill = sum(observed) / len(observed) if observed else 0.0
        column = [fill if row[j] is None else row[j] for row in train]
        mu = sum(column) / n
        sigma = math.sqrt(sum((x - mu) ** 2 for x in column) / n)
        if sigma < 1e-9:
            sigma = 1.0
        for i, x in enumerate(column):
            out_train[i][j] = (x - mu) / sigma
        for i, row in enumerate(test):
            x = fill if row[j] is None else row[j]
            out_test[i][j] = (x - mu) / sigma
    return {"train": out_train, "test": out_test}
