# Starts min and max at 0 instead of the group's first value: wrong when a group is all positive
# (min) or all negative (max).
from collections import defaultdict


def aggregateByKey(records, limit):
    groups = defaultdict(lambda: {"count": 0, "sum": 0.0, "min": 0.0, "max": 0.0})
    for record in records:
        g = groups[record["key"]]
        g["count"] += 1
        g["sum"] += record["value"]
        g["min"] = min(g["min"], record["value"])
        g["max"] = max(g["max"], record["value"])
    result = [{"key": key, "mean": g["sum"] / g["count"], **g} for key, g in groups.items()]
    result.sort(key=lambda g: (-g["count"], g["key"]))
    return result[:limit]
