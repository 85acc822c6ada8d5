// Builds one vocabulary over the values of all columns, so the same string in two columns is one
// feature and the features are not grouped per column.
function oneHotEncode(
  columns: string[],
  train: string[][],
  test: string[][],
): { features: string[]; train: number[][]; test: number[][] } {
  // Each shared feature is named after the first column the value occurs in.
  const firstColumn = new Map<string, number>();
  for (let j = 0; j < columns.length; j++) {
    for (const row of train) if (!firstColumn.has(row[j])) firstColumn.set(row[j], j);
  }
  const sorted = [...firstColumn.keys()].sort();
  const index = new Map(sorted.map((v, k) => [v, k]));
  const features = sorted.map((v) => `${columns[firstColumn.get(v) as number]}_${v}`);
  const encode = (row: string[]): number[] => {
    const hot = new Set<number>();
    for (const value of row) if (index.has(value)) hot.add(index.get(value) as number);
    return [...hot].sort((a, b) => a - b);
  };
  return { features, train: train.map(encode), test: test.map(encode) };
}
