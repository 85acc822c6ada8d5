// Too slow: a helper recomputes the column's fill value, mean and std from all the train rows for
// every single cell it transforms, O((n + m) · d · n).
function imputeStandardize(train, test) {
  const columnStats = (j) => {
    const observed = train.map((row) => row[j]).filter((x) => x !== null);
    const fill = observed.length > 0 ? observed.reduce((s, x) => s + x, 0) / observed.length : 0;
    const column = train.map((row) => (row[j] === null ? fill : row[j]));
    const mean = column.reduce((s, x) => s + x, 0) / column.length;
    const std = Math.sqrt(column.reduce((s, x) => s + (x - mean) ** 2, 0) / column.length);
    return { fill, mean, std: std < 1e-9 ? 1 : std };
  };
  const transform = (x, j) => {
    const { fill, mean, std } = columnStats(j);
    return ((x === null ? fill : x) - mean) / std;
  };
  return {
    train: train.map((row) => row.map(transform)),
    test: test.map((row) => row.map(transform)),
  };
}
