# @idiomatic
# numpy: all query-catalogue dot products in one matrix product, divided by both norms (0 where a
# norm is 0); a stable argsort of the negated row keeps equal similarities in index order.
import numpy as np


def searchEmbeddings(catalogue, queries, k, threshold):
    C = np.array(catalogue, dtype=float)
    Q = np.array(queries, dtype=float)
    denominator = np.linalg.norm(Q, axis=1)[:, None] * np.linalg.norm(C, axis=1)[None, :]
    dots = Q @ C.T
    sims = np.divide(dots, denominator, out=np.zeros_like(dots), where=denominator > 0)
    result = []
    for row in sims:
        order = np.argsort(-row, kind="stable")[:k]
        duplicates = np.nonzero(row >= threshold - 1e-12)[0]
        result.append({"neighbours": order.tolist(), "duplicates": duplicates.tolist()})
    return result
