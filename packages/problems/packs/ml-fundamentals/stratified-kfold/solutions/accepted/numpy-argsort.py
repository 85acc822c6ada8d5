# A stable argsort by label lists the classes in ascending order, each in index order; position j of
# that order goes to fold j mod k.
import numpy as np


def stratifiedKFold(labels, k):
    order = np.argsort(np.asarray(labels, dtype=np.int64), kind="stable")
    fold_of = np.empty(len(labels), dtype=np.int64)
    fold_of[order] = np.arange(len(labels)) % k
    return [np.flatnonzero(fold_of == f).tolist() for f in range(k)]
