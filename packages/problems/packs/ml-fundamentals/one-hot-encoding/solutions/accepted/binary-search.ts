// Sorted categories per column and a binary search per cell instead of a hash map:
// O(cells · log categories).
function oneHotEncode(
  columns: string[],
  train: string[][],
  test: string[][],
): { features: string[]; train: number[][]; test: number[][] } {
  const features: string[] = [];
  const categories: string[][] = [];
  const offsets: number[] = [];
  columns.forEach((name, j) => {
    const sorted = [...new Set(train.map((row) => row[j]))].sort();
    categories.push(sorted);
    offsets.push(features.length);
    for (const category of sorted) features.push(`${name}_${category}`);
  });
  const find = (sorted: string[], value: string): number => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] === value) return mid;
      if (sorted[mid] < value) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const encode = (row: string[]): number[] => {
    const hot: number[] = [];
    for (let j = 0; j < row.length; j++) {
      const k = find(categories[j], row[j]);
      if (k >= 0) hot.push(offsets[j] + k);
    }
    return hot;
  };
  return { features, train: train.map(encode), test: test.map(encode) };
}
