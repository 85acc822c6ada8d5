# @idiomatic
# Dict from orderId to country, then one pass over the items with per-country sets and totals.
def revenueByCountry(orders, items):
    country_of = {o["orderId"]: o["country"] for o in orders}
    groups = {}
    for item in items:
        if item["orderId"] not in country_of:
            continue
        country = country_of[item["orderId"]]
        g = groups.setdefault(country, {"ids": set(), "items": 0, "revenue": 0.0})
        g["ids"].add(item["orderId"])
        g["items"] += 1
        g["revenue"] += item["price"] * item["quantity"]
    result = [
        {
            "country": country,
            "orders": len(g["ids"]),
            "items": g["items"],
            "revenue": g["revenue"],
            "avgOrderValue": g["revenue"] / len(g["ids"]),
        }
        for country, g in groups.items()
    ]
    # None sorts after every country name among groups with as many orders.
    result.sort(key=lambda r: (-r["orders"], r["country"] is None, r["country"] or ""))
    return result
