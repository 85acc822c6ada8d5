// Mistake: sorts the row keys but keeps the column keys in the order they first appear.
function pivotTable(records, aggregate, fillValue) {
  const cells = new Map();
  const columns = [];
  for (const { row, column, value } of records) {
    if (!columns.includes(column)) columns.push(column);
    const key = `${row}\u0000${column}`;
    const cell = cells.get(key) || { sum: 0, count: 0 };
    cell.sum += value;
    cell.count += 1;
    cells.set(key, cell);
  }
  const rows = [...new Set(records.map((r) => r.row))].sort();
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
