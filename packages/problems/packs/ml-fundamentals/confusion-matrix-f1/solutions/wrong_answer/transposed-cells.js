// Builds the matrix transposed: cells are listed as [predicted, actual, count].
function confusionMatrixF1(numClasses, actual, predicted) {
  const n = actual.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = predicted[i] * numClasses + actual[i];
  keys.sort();
  const cells = [];
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && keys[j] === keys[i]) j++;
    const a = Math.floor(keys[i] / numClasses);
    cells.push([a, keys[i] - a * numClasses, j - i]);
    i = j;
  }
  const tp = new Int32Array(numClasses);
  const fp = new Int32Array(numClasses);
  const fn = new Int32Array(numClasses);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    if (actual[i] === predicted[i]) {
      tp[actual[i]]++;
      correct++;
    } else {
      fp[predicted[i]]++;
      fn[actual[i]]++;
    }
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < numClasses; c++) {
    if (tp[c] + fp[c] + fn[c] === 0) continue;
    present++;
    const precision = tp[c] + fp[c] === 0 ? 0 : tp[c] / (tp[c] + fp[c]);
    const recall = tp[c] + fn[c] === 0 ? 0 : tp[c] / (tp[c] + fn[c]);
    sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { cells, macroF1: sum / present, microF1: correct / n };
}
