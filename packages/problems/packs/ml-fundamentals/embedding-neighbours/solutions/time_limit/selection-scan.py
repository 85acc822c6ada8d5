# Too slow: picks the k neighbours one at a time, rescanning every catalogue item for the best one
# not yet taken: O(k · n) per query, quadratic when k is close to n.
import numpy as np


def searchEmbeddings(catalogue, queries, k, threshold):
    C = np.array(catalogue, dtype=float)
    Q = np.array(queries, dtype=float)
    denominator = np.linalg.norm(Q, axis=1)[:, None] * np.linalg.norm(C, axis=1)[None, :]
    dots = Q @ C.T
    sims = np.divide(dots, denominator, out=np.zeros_like(dots), where=denominator > 0).tolist()
    result = []
    for row in sims:
        taken = [False] * len(row)
        neighbours = []
        for _ in range(k):
            best = -1
            for i, s in enumerate(row):
                if not taken[i] and (best == -1 or s > row[best]):
                    best = i
            taken[best] = True
            neighbours.append(best)
        duplicates = [i for i, s in enumerate(row) if s >= threshold - 1e-12]
        result.append({"neighbours": neighbours, "duplicates": duplicates})
    return result
