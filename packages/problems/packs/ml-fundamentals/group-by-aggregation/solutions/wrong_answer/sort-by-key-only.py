# Orders the report by key alone, ignoring the count.
from collections import defaultdict


def aggregateByKey(records, limit):
    values = defaultdict(list)
    for record in records:
        values[record["key"]].append(record["value"])
    result = [
        {"key": key, "count": len(v), "sum": sum(v), "mean": sum(v) / len(v), "min": min(v), "max": max(v)}
        for key, v in values.items()
    ]
    result.sort(key=lambda g: g["key"])
    return result[:limit]
