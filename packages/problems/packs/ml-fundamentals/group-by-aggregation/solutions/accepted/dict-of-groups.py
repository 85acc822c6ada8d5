# @idiomatic
# Aggregate each key's records in a dict, then sort the groups by count (descending) and key.
def aggregateByKey(records, limit):
    groups = {}
    for record in records:
        key, value = record["key"], record["value"]
        if key not in groups:
            groups[key] = {"key": key, "count": 0, "sum": 0.0, "min": value, "max": value}
        g = groups[key]
        g["count"] += 1
        g["sum"] += value
        g["min"] = min(g["min"], value)
        g["max"] = max(g["max"], value)
    result = []
    for g in groups.values():
        g["mean"] = g["sum"] / g["count"]
        result.append(g)
    result.sort(key=lambda g: (-g["count"], g["key"]))
    return result[:limit]
