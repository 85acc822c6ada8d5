// Mistake: uses the sample standard deviation (divides by n - 1) instead of the population one.
function imputeStandardize(train, test) {
  const n = train.length;
  const d = train[0].length;
  const fill = [];
  for (let j = 0; j < d; j++) {
    const observed = train.map((row) => row[j]).filter((x) => x !== null);
    fill.push(observed.length > 0 ? observed.reduce((s, x) => s + x, 0) / observed.length : 0);
  }
  const impute = (rows) => rows.map((row) => row.map((x, j) => (x === null ? fill[j] : x)));
  const trainFilled = impute(train);
  const mean = [];
  const std = [];
  for (let j = 0; j < d; j++) {
    const mu = trainFilled.reduce((s, row) => s + row[j], 0) / n;
    const variance = n > 1 ? trainFilled.reduce((s, row) => s + (row[j] - mu) ** 2, 0) / (n - 1) : 0;
    const sigma = Math.sqrt(variance);
    mean.push(mu);
    std.push(sigma < 1e-9 ? 1 : sigma);
  }
  const scale = (rows) => rows.map((row) => row.map((x, j) => (x - mean[j]) / std[j]));
  return { train: scale(trainFilled), test: scale(impute(test)) };
}
