# pandas: a DataFrame of the records, groupby with the five aggregates, sorted by count then key.
import pandas as pd


def aggregateByKey(records, limit):
    if not records:
        return []
    df = pd.DataFrame(records)
    stats = df.groupby("key")["value"].agg(["count", "sum", "mean", "min", "max"]).reset_index()
    stats = stats.sort_values(["count", "key"], ascending=[False, True]).head(limit)
    return [
        {
            "key": row.key,
            "count": int(row.count),
            "sum": float(row.sum),
            "mean": float(row.mean),
            "min": float(row.min),
            "max": float(row.max),
        }
        for row in stats.itertuples(index=False)
    ]
