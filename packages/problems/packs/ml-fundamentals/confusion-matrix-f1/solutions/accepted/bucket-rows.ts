// Buckets the predictions by actual class (a counting sort: one bucket per matrix row), sorts each
// row's predictions and reads off runs. Uses F1(c) = 2·TP / (|actual = c| + |predicted = c|), which
// equals the precision/recall form. O(n log n + C).
function confusionMatrixF1(
  numClasses: number,
  actual: number[],
  predicted: number[],
): { cells: number[][]; macroF1: number; microF1: number } {
  const n = actual.length;
  const actualCount = new Int32Array(numClasses);
  const predictedCount = new Int32Array(numClasses);
  const tp = new Int32Array(numClasses);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    actualCount[actual[i]]++;
    predictedCount[predicted[i]]++;
    if (actual[i] === predicted[i]) {
      tp[actual[i]]++;
      correct++;
    }
  }
  const rowStart = new Int32Array(numClasses + 1);
  for (let c = 0; c < numClasses; c++) rowStart[c + 1] = rowStart[c] + actualCount[c];
  const fill = rowStart.slice(0, numClasses);
  const byRow = new Int32Array(n);
  for (let i = 0; i < n; i++) byRow[fill[actual[i]]++] = predicted[i];
  const cells: number[][] = [];
  let sum = 0;
  let present = 0;
  for (let c = 0; c < numClasses; c++) {
    const row = byRow.subarray(rowStart[c], rowStart[c + 1]).sort();
    for (let i = 0; i < row.length; ) {
      let j = i;
      while (j < row.length && row[j] === row[i]) j++;
      cells.push([c, row[i], j - i]);
      i = j;
    }
    const total = actualCount[c] + predictedCount[c];
    if (total === 0) continue;
    present++;
    sum += (2 * tp[c]) / total;
  }
  return { cells, macroF1: sum / present, microF1: correct / n };
}
