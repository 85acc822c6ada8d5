# pandas: an inner merge of items and orders, then a groupby that keeps the null country
# (dropna=False), sorted by orders descending and country ascending with nulls last.
import pandas as pd


def revenueByCountry(orders, items):
    if not orders or not items:
        return []
    o = pd.DataFrame(orders, columns=["orderId", "country"])
    it = pd.DataFrame(items, columns=["orderId", "price", "quantity"])
    it["revenue"] = it["price"] * it["quantity"]
    joined = it.merge(o, on="orderId", how="inner")
    if joined.empty:
        return []
    stats = joined.groupby("country", dropna=False).agg(
        orders=("orderId", "nunique"), items=("orderId", "size"), revenue=("revenue", "sum")
    )
    stats = stats.reset_index()
    stats["avgOrderValue"] = stats["revenue"] / stats["orders"]
    stats["missing"] = stats["country"].isna()
    stats = stats.sort_values(["orders", "missing", "country"], ascending=[False, True, True], kind="stable")
    return [
        {
            "country": None if missing else country,
            "orders": int(n_orders),
            "items": int(n_items),
            "revenue": float(revenue),
            "avgOrderValue": float(avg),
        }
        for country, n_orders, n_items, revenue, avg, missing in stats[
            ["country", "orders", "items", "revenue", "avgOrderValue", "missing"]
        ].itertuples(index=False)
    ]
