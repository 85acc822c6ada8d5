// Mistake: sums the column with the missing values counted as 0 and divides by all n rows, so the
// fill value (and everything after it) is pulled towards 0.
function imputeStandardize(train, test) {
  const n = train.length;
  const d = train[0].length;
  const fill = [];
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (const row of train) sum += row[j] === null ? 0 : row[j];
    fill.push(sum / n);
  }
  const impute = (rows) => rows.map((row) => row.map((x, j) => (x === null ? fill[j] : x)));
  const trainFilled = impute(train);
  const mean = [];
  const std = [];
  for (let j = 0; j < d; j++) {
    const mu = trainFilled.reduce((s, row) => s + row[j], 0) / n;
    const sigma = Math.sqrt(trainFilled.reduce((s, row) => s + (row[j] - mu) ** 2, 0) / n);
    mean.push(mu);
    std.push(sigma < 1e-9 ? 1 : sigma);
  }
  const scale = (rows) => rows.map((row) => row.map((x, j) => (x - mean[j]) / std[j]));
  return { train: scale(trainFilled), test: scale(impute(test)) };
}
