# pandas' groupby drops null keys by default (dropna=True), so the orders without a country vanish
# from the report instead of forming their own group.
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
    stats = joined.groupby("country").agg(
        orders=("orderId", "nunique"), items=("orderId", "size"), revenue=("revenue", "sum")
    )
    stats = stats.reset_index()
    stats["avgOrderValue"] = stats["revenue"] / stats["orders"]
    stats = stats.sort_values(["orders", "country"], ascending=[False, True], kind="stable")
    return [
        {
            "country": country,
            "orders": int(n_orders),
            "items": int(n_items),
            "revenue": float(revenue),
            "avgOrderValue": float(avg),
        }
        for country, n_orders, n_items, revenue, avg in stats[
            ["country", "orders", "items", "revenue", "avgOrderValue"]
        ].itertuples(index=False)
    ]
