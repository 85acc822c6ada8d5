// COUNT(*) instead of COUNT(DISTINCT orderId): after the join an order with three line items is three
// rows, so `orders` counts the items (and the average order value is per item).
function revenueByCountry(orders, items) {
  const countryOf = new Map();
  for (const order of orders) countryOf.set(order.orderId, order.country);
  const groups = new Map();
  for (const item of items) {
    if (!countryOf.has(item.orderId)) continue;
    const country = countryOf.get(item.orderId);
    let group = groups.get(country);
    if (group === undefined) {
      group = { country, orders: 0, items: 0, revenue: 0, avgOrderValue: 0 };
      groups.set(country, group);
    }
    group.orders++;
    group.items++;
    group.revenue += item.price * item.quantity;
  }
  const result = [...groups.values()];
  for (const g of result) g.avgOrderValue = g.revenue / g.orders;
  result.sort((a, b) => {
    if (a.orders !== b.orders) return b.orders - a.orders;
    if (a.country === b.country) return 0;
    if (a.country === null) return 1;
    if (b.country === null) return -1;
    return a.country < b.country ? -1 : 1;
  });
  return result;
}
