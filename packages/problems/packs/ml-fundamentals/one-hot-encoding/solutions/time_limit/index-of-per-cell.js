// Finds each cell's category with indexOf over the column's sorted category list:
// O(cells · categories).
function oneHotEncode(columns, train, test) {
  const features = [];
  const categories = [];
  const offsets = [];
  columns.forEach((name, j) => {
    const sorted = [...new Set(train.map((row) => row[j]))].sort();
    categories.push(sorted);
    offsets.push(features.length);
    for (const c of sorted) features.push(`${name}_${c}`);
  });
  const encode = (row) => {
    const hot = [];
    row.forEach((value, j) => {
      const k = categories[j].indexOf(value);
      if (k >= 0) hot.push(offsets[j] + k);
    });
    return hot;
  };
  return { features, train: train.map(encode), test: test.map(encode) };
}
