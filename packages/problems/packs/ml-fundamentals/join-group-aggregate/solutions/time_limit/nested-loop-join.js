// Nested-loop join: for every line item, finds its order by scanning the whole orders list:
// O(orders · items).
function revenueByCountry(orders, items) {
  const groups = new Map();
  for (const item of items) {
    const order = orders.find((o) => o.orderId === item.orderId);
    if (order === undefined) continue;
    let group = groups.get(order.country);
    if (group === undefined) {
      group = { country: order.country, ids: new Set(), items: 0, revenue: 0 };
      groups.set(order.country, group);
    }
    group.ids.add(item.orderId);
    group.items++;
    group.revenue += item.price * item.quantity;
  }
  const result = [...groups.values()].map((g) => ({
    country: g.country,
    orders: g.ids.size,
    items: g.items,
    revenue: g.revenue,
    avgOrderValue: g.revenue / g.ids.size,
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
