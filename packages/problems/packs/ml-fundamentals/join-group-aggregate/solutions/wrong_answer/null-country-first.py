# Sorts the null country as the empty string, so it comes before every country with as many orders
# instead of after them.
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
    result.sort(key=lambda r: (-r["orders"], r["country"] or ""))
    return result
