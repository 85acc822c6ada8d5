# Too slow: a helper recomputes the column's fill value, mean and std from all the train rows for
# every single cell it transforms, O((n + m) · d · n).
import math


def imputeStandardize(train, test):
    def column_stats(j):
        observed = [row[j] for row in train if row[j] is not None]
        fill = sum(observed) / len(observed) if observed else 0.0
        column = [fill if row[j] is None else row[j] for row in train]
        mean = sum(column) / len(column)
        std = math.sqrt(sum((x - mean) ** 2 for x in column) / len(column))
        return fill, mean, std if std >= 1e-9 else 1.0

    def transform(x, j):
        fill, mean, std = column_stats(j)
        return ((fill if x is None else x) - mean) / std

    return {
        "train": [[transform(x, j) for j, x in enumerate(row)] for row in train],
        "test": [[transform(x, j) for j, x in enumerate(row)] for row in test],
    }
