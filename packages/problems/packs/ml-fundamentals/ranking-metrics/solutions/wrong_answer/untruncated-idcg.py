# Builds the ideal DCG from every relevant item instead of only the best k.
import math


def rankingMetrics(ranked, relevant, grades, k):
    result = []
    for items, rel, grade in zip(ranked, relevant, grades):
        if not rel:
            result.append({"recall": 0.0, "ndcg": 0.0})
            continue
        grade_of = dict(zip(rel, grade))
        seen = set()
        hits = 0
        dcg = 0.0
        for i, item in enumerate(items[:k]):
            if item in seen:
                continue
            seen.add(item)
            if item in grade_of:
                hits += 1
                dcg += (2 ** grade_of[item] - 1) / math.log2(i + 2)
        ideal = sorted(grade, reverse=True)
        idcg = sum((2**g - 1) / math.log2(j + 2) for j, g in enumerate(ideal))
        result.append({"recall": hits / len(rel), "ndcg": dcg / idcg})
    return result
