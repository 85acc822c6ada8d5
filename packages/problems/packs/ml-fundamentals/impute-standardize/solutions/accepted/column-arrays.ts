// Column by column into Float64Arrays: one pass for the observed mean, one for the deviations of the
// imputed column (the imputed values sit at the mean and add nothing to the squares).
function imputeStandardize(
  train: (number | null)[][],
  test: (number | null)[][],
): { train: number[][]; test: number[][] } {
  const n = train.length;
  const d = (train[0] as (number | null)[]).length;
  const outTrain = train.map(() => new Array<number>(d));
  const outTest = test.map(() => new Array<number>(d));
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let count = 0;
    for (const row of train) {
      const x = row[j];
      if (x !== null && x !== undefined) {
        sum += x;
        count++;
      }
    }
    const fill = count > 0 ? sum / count : 0;
    const column = Float64Array.from(train, (row) => row[j] ?? fill);
    let total = 0;
    for (const x of column) total += x;
    const mu = total / n;
    let squares = 0;
    for (const x of column) squares += (x - mu) * (x - mu);
    const sigma = Math.sqrt(squares / n);
    const scale = sigma < 1e-9 ? 1 : sigma;
    for (let i = 0; i < n; i++) (outTrain[i] as number[])[j] = ((column[i] as number) - mu) / scale;
    test.forEach((row, i) => {
      (outTest[i] as number[])[j] = ((row[j] ?? fill) - mu) / scale;
    });
  }
  return { train: outTrain, test: outTest };
}
