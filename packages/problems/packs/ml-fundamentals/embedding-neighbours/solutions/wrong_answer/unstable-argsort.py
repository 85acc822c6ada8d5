# Mistake: numpy's default argsort (quicksort) is not stable, so equal similarities come out in no
# particular order instead of by lower index.
import numpy as np


def searchEmbeddings(catalogue, queries, k, threshold):
    C = np.array(catalogue, dtype=float)
    Q = np.array(queries, dtype=float)
    denominator = np.linalg.norm(Q, axis=1)[:, None] * np.linalg.norm(C, axis=1)[None, :]
    dots = Q @ C.T
    sims = np.divide(dots, denominator, out=np.zeros_like(dots), where=denominator > 0)
    result = []
    for row in sims:
        order = np.argsort(-row)[:k]
        duplicates = np.nonzero(row >= threshold - 1e-12)[0]
        result.append({"neighbours": order.tolist(), "duplicates": duplicates.tolist()})
    return result
