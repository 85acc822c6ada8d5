// Leakage: fits the categories on train and test together, so a category seen only in the test set
// gets a feature of its own (and shifts the indices of every feature after it).
function oneHotEncode(columns, train, test) {
  const features = [];
  const all = train.concat(test);
  const index = columns.map((name, j) => {
    const categories = [...new Set(all.map((row) => row[j]))].sort();
    const map = new Map();
    for (const category of categories) {
      map.set(category, features.length);
      features.push(`${name}_${category}`);
    }
    return map;
  });
  const encode = (row) => row.map((value, j) => index[j].get(value));
  return { features, train: train.map(encode), test: test.map(encode) };
}
