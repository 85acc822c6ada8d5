# Looks each of the top k items up with `in` and .index() on the relevant list: O(k · R) per user.
import math


def rankingMetrics(ranked, relevant, grades, k):
    result = []
    for items, rel, grade in zip(ranked, relevant, grades):
        if not rel:
            result.append({"recall": 0.0, "ndcg": 0.0})
            continue
        seen = []
        hits = 0
        dcg = 0.0
        for i, item in enumerate(items[:k]):
            if item in seen:
                continue
            seen.append(item)
            if item in rel:
                hits += 1
                dcg += (2 ** grade[rel.index(item)] - 1) / math.log2(i + 2)
        ideal = sorted(grade, reverse=True)[:k]
        idcg = sum((2**g - 1) / math.log2(j + 2) for j, g in enumerate(ideal))
        result.append({"recall": hits / len(rel), "ndcg": dcg / idcg})
    return result
