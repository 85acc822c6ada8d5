// Numbers the sorted keys first, then accumulates sums and counts straight into two flat grids.
function pivotTable(
  records: { row: string; column: string; value: number }[],
  aggregate: string,
  fillValue: number,
): { rows: string[]; columns: string[]; values: number[][] } {
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rows = [...new Set(records.map((r) => r.row))].sort(byCodeUnits);
  const columns = [...new Set(records.map((r) => r.column))].sort(byCodeUnits);
  const rowIndex = new Map(rows.map((key, i) => [key, i]));
  const columnIndex = new Map(columns.map((key, j) => [key, j]));
  const width = columns.length;
  const sums = new Float64Array(rows.length * width);
  const counts = new Int32Array(rows.length * width);
  for (const r of records) {
    const at = (rowIndex.get(r.row) as number) * width + (columnIndex.get(r.column) as number);
    sums[at] += r.value;
    counts[at] += 1;
  }
  const values = rows.map((_, i) =>
    columns.map((_, j) => {
      const at = i * width + j;
      if (counts[at] === 0) return fillValue;
      if (aggregate === 'count') return counts[at];
      return aggregate === 'mean' ? sums[at] / counts[at] : sums[at];
    }),
  );
  return { rows, columns, values };
}
