# @idiomatic
# numpy: None becomes NaN; the observed train mean fills the gaps, then the imputed train matrix's
# mean and population std (ddof=0) scale both matrices.
import numpy as np


def imputeStandardize(train, test):
    X = np.array(train, dtype=float)
    d = X.shape[1]
    T = np.array(test, dtype=float).reshape(-1, d)
    observed = ~np.isnan(X)
    counts = observed.sum(axis=0)
    sums = np.where(observed, X, 0.0).sum(axis=0)
    fill = np.divide(sums, counts, out=np.zeros(d), where=counts > 0)
    X = np.where(observed, X, fill)
    T = np.where(np.isnan(T), fill, T)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std[std < 1e-9] = 1.0
    return {"train": ((X - mean) / std).tolist(), "test": ((T - mean) / std).tolist()}
