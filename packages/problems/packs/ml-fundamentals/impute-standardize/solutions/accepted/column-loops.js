// @idiomatic
// Statistics from the train rows only: impute each column with the mean of its observed train
// values, then scale both matrices by the imputed train column's mean and population std.
function imputeStandardize(train, test) {
  const d = train[0].length;
  const fill = [];
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let count = 0;
    for (const row of train) {
      if (row[j] !== null) {
        sum += row[j];
        count++;
      }
    }
    fill.push(count > 0 ? sum / count : 0);
  }
  const impute = (rows) => rows.map((row) => row.map((x, j) => (x === null ? fill[j] : x)));
  const trainFilled = impute(train);
  const testFilled = impute(test);
  const mean = [];
  const std = [];
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (const row of trainFilled) sum += row[j];
    const mu = sum / trainFilled.length;
    let squares = 0;
    for (const row of trainFilled) squares += (row[j] - mu) ** 2;
    const sigma = Math.sqrt(squares / trainFilled.length);
    mean.push(mu);
    std.push(sigma < 1e-9 ? 1 : sigma);
  }
  const scale = (rows) => rows.map((row) => row.map((x, j) => (x - mean[j]) / std[j]));
  return { train: scale(trainFilled), test: scale(testFilled) };
}
