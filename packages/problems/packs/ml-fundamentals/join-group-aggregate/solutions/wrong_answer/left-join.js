// Left join instead of inner: every order counts in its country, also an order without any line item
// (which adds an order but no revenue, so it also lowers the average order value).
function revenueByCountry(orders, items) {
  const itemsOf = new Map();
  for (const item of items) {
    if (!itemsOf.has(item.orderId)) itemsOf.set(item.orderId, []);
    itemsOf.get(item.orderId).push(item);
  }
  const groups = new Map();
  for (const order of orders) {
    let group = groups.get(order.country);
    if (group === undefined) {
      group = { country: order.country, orders: 0, items: 0, revenue: 0, avgOrderValue: 0 };
      groups.set(order.country, group);
    }
    group.orders++;
    for (const item of itemsOf.get(order.orderId) ?? []) {
      group.items++;
      group.revenue += item.price * item.quantity;
    }
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
