# Nested-loop join: for every line item, scans all orders for its orderId: O(orders · items).
def revenueByCountry(orders, items):
    groups = {}
    for item in items:
        for order in orders:
            if order["orderId"] == item["orderId"]:
                g = groups.setdefault(order["country"], {"ids": set(), "items": 0, "revenue": 0.0})
                g["ids"].add(item["orderId"])
                g["items"] += 1
                g["revenue"] += item["price"] * item["quantity"]
                break
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
    result.sort(key=lambda r: (-r["orders"], r["country"] is None, r["country"] or ""))
    return result
