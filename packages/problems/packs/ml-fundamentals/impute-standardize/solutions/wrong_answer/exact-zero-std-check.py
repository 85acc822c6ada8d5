# Mistake: replaces the std by 1 only when it is exactly 0; a constant column such as 0.1, 0.1, 0.1
# has a computed std of about 1e-17 (its mean is not exactly 0.1), and dividing by it blows the
# rounding error up to +-1. The statement's rule is std < 1e-9.
import numpy as np


def imputeStandardize(train, test):
    X = np.array(train, dtype=float)
    d = X.shape[1]
    T = np.array(test, dtype=float).reshape(-1, d)
    observed = ~np.isnan(X)
    counts = observed.sum(axis=0)
    fill = np.divide(np.where(observed, X, 0.0).sum(axis=0), counts, out=np.zeros(d), where=counts > 0)
    X = np.where(observed, X, fill)
    T = np.where(np.isnan(T), fill, T)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std[std == 0] = 1.0
    return {"train": ((X - mean) / std).tolist(), "test": ((T - mean) / std).tolist()}
