// @idiomatic
/**
 * Fits one Map from category to feature index per column (sorted categories, numbered after the
 * previous columns' features), then encodes each row by lookups: O(cells + categories log categories).
 * @param {string[]} columns
 * @param {string[][]} train
 * @param {string[][]} test
 * @return {{features: string[], train: number[][], test: number[][]}}
 */
function oneHotEncode(columns, train, test) {
  const features = [];
  const index = columns.map((name, j) => {
    const categories = [...new Set(train.map((row) => row[j]))].sort();
    const map = new Map();
    for (const category of categories) {
      map.set(category, features.length);
      features.push(`${name}_${category}`);
    }
    return map;
  });
  const encode = (row) => {
    const hot = [];
    row.forEach((value, j) => {
      const k = index[j].get(value);
      if (k !== undefined) hot.push(k);
    });
    return hot;
  };
  return { features, train: train.map(encode), test: test.map(encode) };
}
