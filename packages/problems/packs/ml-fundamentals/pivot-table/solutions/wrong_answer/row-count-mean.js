// Mistake: counts records per row key instead of per cell, so a mean divides the cell's sum by the
// number of records in the whole row.
function pivotTable(records, aggregate, fillValue) {
  const sums = new Map();
  const cellCounts = new Map();
  const rowCounts = new Map();
  const columnKeys = new Set();
  for (const { row, column, value } of records) {
    const key = `${row}\u0000${column}`;
    sums.set(key, (sums.get(key) || 0) + value);
    cellCounts.set(key, (cellCounts.get(key) || 0) + 1);
    rowCounts.set(row, (rowCounts.get(row) || 0) + 1);
    columnKeys.add(column);
  }
  const rows = [...rowCounts.keys()].sort();
  const columns = [...columnKeys].sort();
  const values = rows.map((row) =>
    columns.map((column) => {
      const key = `${row}\u0000${column}`;
      if (!sums.has(key)) return fillValue;
      if (aggregate === 'sum') return sums.get(key);
      if (aggregate === 'mean') return sums.get(key) / rowCounts.get(row);
      return cellCounts.get(key);
    }),
  );
  return { rows, columns, values };
}
