// Mistake: divides by the standard deviation even when it is 0, so a constant column becomes NaN
// (0 / 0) or huge numbers, instead of dividing by 1.
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
    mean.push(mu);
    std.push(Math.sqrt(trainFilled.reduce((s, row) => s + (row[j] - mu) ** 2, 0) / n));
  }
  const scale = (rows) => rows.map((row) => row.map((x, j) => (x - mean[j]) / std[j]));
  return { train: scale(trainFilled), test: scale(impute(test)) };
}
