# Collects the distinct keys, then rescans every record for each of them: O(n · g).
def aggregateByKey(records, limit):
    keys = list(dict.fromkeys(r["key"] for r in records))
    result = []
    for key in keys:
        values = [r["value"] for r in records if r["key"] == key]
        total = sum(values)
        result.append(
            {"key": key, "count": len(values), "sum": total, "mean": total / len(values), "min": min(values), "max": max(values)}
        )
    result.sort(key=lambda g: (-g["count"], g["key"]))
    return result[:limit]
