// Mistake (data leakage): computes the fill values, means and standard deviations over the train
// and test rows together, so the test set shapes its own preprocessing.
function imputeStandardize(train, test) {
  const all = [...train, ...test];
  const d = train[0].length;
  const fill = [];
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let count = 0;
    for (const row of all) {
      if (row[j] !== null) {
        sum += row[j];
        count++;
      }
    }
    fill.push(count > 0 ? sum / count : 0);
  }
  const filled = all.map((row) => row.map((x, j) => (x === null ? fill[j] : x)));
  const mean = [];
  const std = [];
  for (let j = 0; j < d; j++) {
    const mu = filled.reduce((s, row) => s + row[j], 0) / filled.length;
    const sigma = Math.sqrt(filled.reduce((s, row) => s + (row[j] - mu) ** 2, 0) / filled.length);
    mean.push(mu);
    std.push(sigma < 1e-9 ? 1 : sigma);
  }
  const scaled = filled.map((row) => row.map((x, j) => (x - mean[j]) / std[j]));
  return { train: scaled.slice(0, train.length), test: scaled.slice(train.length) };
}
