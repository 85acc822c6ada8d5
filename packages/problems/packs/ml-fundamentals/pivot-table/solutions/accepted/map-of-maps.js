// @idiomatic
// Groups the values by row key, then column key, in a Map of Maps; then fills the sorted grid.
function pivotTable(records, aggregate, fillValue) {
  const cells = new Map();
  const columnKeys = new Set();
  for (const { row, column, value } of records) {
    if (!cells.has(row)) cells.set(row, new Map());
    const rowCells = cells.get(row);
    if (!rowCells.has(column)) rowCells.set(column, { sum: 0, count: 0 });
    const cell = rowCells.get(column);
    cell.sum += value;
    cell.count += 1;
    columnKeys.add(column);
  }
  const rows = [...cells.keys()].sort();
  const columns = [...columnKeys].sort();
  const values = rows.map((row) =>
    columns.map((column) => {
      const cell = cells.get(row).get(column);
      if (!cell) return fillValue;
      if (aggregate === 'sum') return cell.sum;
      if (aggregate === 'mean') return cell.sum / cell.count;
      return cell.count;
    }),
  );
  return { rows, columns, values };
}
