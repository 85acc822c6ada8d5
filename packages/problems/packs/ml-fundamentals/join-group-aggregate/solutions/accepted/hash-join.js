// @idiomatic
/**
 * Hash join: a Map from orderId to country over the orders (each id once), then one pass over the
 * line items, accumulating per country the set of order ids, the item count and the revenue.
 * O(orders + items + g log g).
 * @param {{orderId: number, country: string | null}[]} orders
 * @param {{orderId: number, price: number, quantity: number}[]} items
 * @return {{country: string | null, orders: number, items: number, revenue: number, avgOrderValue: number}[]}
 */
function revenueByCountry(orders, items) {
  const countryOf = new Map();
  for (const order of orders) countryOf.set(order.orderId, order.country);
  const groups = new Map();
  for (const item of items) {
    if (!countryOf.has(item.orderId)) continue;
    const country = countryOf.get(item.orderId);
    let group = groups.get(country);
    if (group === undefined) {
      group = { country, orderIds: new Set(), items: 0, revenue: 0 };
      groups.set(country, group);
    }
    group.orderIds.add(item.orderId);
    group.items++;
    group.revenue += item.price * item.quantity;
  }
  const result = [...groups.values()].map((g) => ({
    country: g.country,
    orders: g.orderIds.size,
    items: g.items,
    revenue: g.revenue,
    avgOrderValue: g.revenue / g.orderIds.size,
  }));
  result.sort((a, b) => {
    if (a.orders !== b.orders) return b.orders - a.orders;
    if (a.country === b.country) return 0;
    if (a.country === null) return 1;
    if (b.country === null) return -1;
    return a.country < b.country ? -1 : 1;
  });
  return result;
}
