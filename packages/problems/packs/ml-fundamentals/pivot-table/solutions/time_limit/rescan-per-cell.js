// Too slow: for every cell of the grid it filters all the records again, O(rows · columns · n).
function pivotTable(records, aggregate, fillValue) {
  const rows = [...new Set(records.map((r) => r.row))].sort();
  const columns = [...new Set(records.map((r) => r.column))].sort();
  const values = rows.map((row) =>
    columns.map((column) => {
      const matching = records.filter((r) => r.row === row && r.column === column);
      if (matching.length === 0) return fillValue;
      if (aggregate === 'count') return matching.length;
      const sum = matching.reduce((total, r) => total + r.value, 0);
      return aggregate === 'mean' ? sum / matching.length : sum;
    }),
  );
  return { rows, columns, values };
}
