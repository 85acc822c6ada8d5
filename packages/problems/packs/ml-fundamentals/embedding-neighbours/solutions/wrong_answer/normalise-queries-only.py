# Mistake: normalises the queries but not the catalogue vectors, so the "similarity" is q·c / |q|.
import numpy as np


def searchEmbeddings(catalogue, queries, k, threshold):
    C = np.array(catalogue, dtype=float)
    Q = np.array(queries, dtype=float)
    q_norms = np.linalg.norm(Q, axis=1, keepdims=True)
    Q = np.divide(Q, q_norms, out=np.zeros_like(Q), where=q_norms > 0)
    sims = Q @ C.T
    result = []
    for row in sims:
        order = np.argsort(-row, kind="stable")[:k]
        duplicates = np.nonzero(row >= threshold - 1e-12)[0]
        result.append({"neighbours": order.tolist(), "duplicates": duplicates.tolist()})
    return result
