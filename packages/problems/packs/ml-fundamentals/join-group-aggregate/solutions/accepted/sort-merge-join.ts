// Sort-merge join: sorts the orders and the items by orderId and walks both lists together; each
// order's run of items is aggregated into its country's group. O((orders + items) log).
interface Group {
  country: string | null;
  orders: number;
  items: number;
  revenue: number;
  avgOrderValue: number;
}

function revenueByCountry(
  orders: { orderId: number; country: string | null }[],
  items: { orderId: number; price: number; quantity: number }[],
): Group[] {
  const byId = <T extends { orderId: number }>(list: T[]) => [...list].sort((a, b) => a.orderId - b.orderId);
  const sortedOrders = byId(orders);
  const sortedItems = byId(items);
  const groups = new Map<string | null, Group>();
  let i = 0;
  for (const order of sortedOrders) {
    while (i < sortedItems.length && sortedItems[i].orderId < order.orderId) i++;
    if (i >= sortedItems.length || sortedItems[i].orderId !== order.orderId) continue;
    let group = groups.get(order.country);
    if (!group) {
      group = { country: order.country, orders: 0, items: 0, revenue: 0, avgOrderValue: 0 };
      groups.set(order.country, group);
    }
    group.orders++;
    for (; i < sortedItems.length && sortedItems[i].orderId === order.orderId; i++) {
      group.items++;
      group.revenue += sortedItems[i].price * sortedItems[i].quantity;
    }
  }
  const result = [...groups.values()];
  for (const g of result) g.avgOrderValue = g.revenue / g.orders;
  // Among equal order counts the null country goes last; '' < every country name otherwise.
  const rank = (c: string | null) => (c === null ? 1 : 0);
  const name = (c: string | null) => c ?? '';
  result.sort(
    (a, b) =>
      b.orders - a.orders ||
      rank(a.country) - rank(b.country) ||
      (name(a.country) < name(b.country) ? -1 : name(a.country) > name(b.country) ? 1 : 0),
  );
  return result;
}
