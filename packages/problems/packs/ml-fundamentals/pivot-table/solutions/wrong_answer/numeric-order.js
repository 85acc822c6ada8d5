// Mistake: sorts keys that look like numbers by their numeric value, so "9" comes before "10";
// the rule is plain code-unit order for every key.
function pivotTable(records, aggregate, fillValue) {
  const cells = new Map();
  const columnKeys = new Set();
  const rowKeys = new Set();
  for (const { row, column, value } of records) {
    const key = `${row}\u0000${column}`;
    const cell = cells.get(key) || { sum: 0, count: 0 };
    cell.sum += value;
    cell.count += 1;
    cells.set(key, cell);
    rowKeys.add(row);
    columnKeys.add(column);
  }
  const order = (a, b) => {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const rows = [...rowKeys].sort(order);
  const columns = [...columnKeys].sort(order);
  const values = rows.map((row) =>
    columns.map((column) => {
      const cell = cells.get(`${row}\u0000${column}`);
      if (!cell) return fillValue;
      if (aggregate === 'sum') return cell.sum;
      if (aggregate === 'mean') return cell.sum / cell.count;
      return cell.count;
    }),
  );
  return { rows, columns, values };
}
