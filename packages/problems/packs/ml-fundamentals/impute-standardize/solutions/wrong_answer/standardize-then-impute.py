# Mistake: standardises first with the statistics of the observed train values only (nanmean,
# nanstd), then fills the gaps with 0; the std must be the one of the imputed train column.
import numpy as np


def imputeStandardize(train, test):
    X = np.array(train, dtype=float)
    d = X.shape[1]
    T = np.array(test, dtype=float).reshape(-1, d)
    observed = ~np.isnan(X)
    counts = observed.sum(axis=0)
    mean = np.divide(np.where(observed, X, 0.0).sum(axis=0), counts, out=np.zeros(d), where=counts > 0)
    squares = np.where(observed, (X - mean) ** 2, 0.0).sum(axis=0)
    std = np.sqrt(np.divide(squares, counts, out=np.zeros(d), where=counts > 0))
    std[std < 1e-9] = 1.0
    X = np.nan_to_num((X - mean) / std, nan=0.0)
    T = np.nan_to_num((T - mean) / std, nan=0.0)
    return {"train": X.tolist(), "test": T.tolist()}
