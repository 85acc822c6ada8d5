// Mistake: stores each record's value in its cell, so the last value wins instead of being
// aggregated with the earlier ones of the same (row, column) pair.
function pivotTable(records, aggregate, fillValue) {
  const cells = new Map();
  const columnKeys = new Set();
  for (const { row, column, value } of records) {
    if (!cells.has(row)) cells.set(row, new Map());
    const rowCells = cells.get(row);
    const count = rowCells.has(column) ? rowCells.get(column).count + 1 : 1;
    rowCells.set(column, { value, count });
    columnKeys.add(column);
  }
  const rows = [...cells.keys()].sort();
  const columns = [...columnKeys].sort();
  const values = rows.map((row) =>
    columns.map((column) => {
      const cell = cells.get(row).get(column);
      if (!cell) return fillValue;
      return aggregate === 'count' ? cell.count : cell.value;
    }),
  );
  return { rows, columns, values };
}
