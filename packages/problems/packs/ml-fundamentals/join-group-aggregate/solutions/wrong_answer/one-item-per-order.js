// Builds the lookup on the many side, new Map(items.map(i => [i.orderId, i])), so every order keeps
// only its last line item: the one-to-many join silently drops rows.
function revenueByCountry(orders, items) {
  const itemOf = new Map(items.map((item) => [item.orderId, item]));
  const groups = new Map();
  for (const order of orders) {
    const item = itemOf.get(order.orderId);
    if (item === undefined) continue;
    let group = groups.get(order.country);
    if (group === undefined) {
      group = { country: order.country, orders: 0, items: 0, revenue: 0, avgOrderValue: 0 };
      groups.set(order.country, group);
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
