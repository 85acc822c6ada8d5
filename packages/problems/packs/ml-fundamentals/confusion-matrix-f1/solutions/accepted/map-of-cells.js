// @idiomatic
// Count the cells in a Map keyed by "actual,predicted", count TP, predictions and actuals per class in
// Maps, then sort the cells and average F1 over the classes that appear.
function confusionMatrixF1(_numClasses, actual, predicted) {
  const cellCounts = new Map();
  const tp = new Map();
  const actualCount = new Map();
  const predictedCount = new Map();
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const p = predicted[i];
    const key = `${a},${p}`;
    cellCounts.set(key, (cellCounts.get(key) || 0) + 1);
    actualCount.set(a, (actualCount.get(a) || 0) + 1);
    predictedCount.set(p, (predictedCount.get(p) || 0) + 1);
    if (a === p) {
      tp.set(a, (tp.get(a) || 0) + 1);
      correct++;
    }
  }
  const cells = [];
  for (const [key, count] of cellCounts) {
    const [a, p] = key.split(',').map(Number);
    cells.push([a, p, count]);
  }
  cells.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const present = new Set([...actualCount.keys(), ...predictedCount.keys()]);
  let f1Sum = 0;
  for (const c of present) {
    const t = tp.get(c) || 0;
    const precision = predictedCount.has(c) ? t / predictedCount.get(c) : 0;
    const recall = actualCount.has(c) ? t / actualCount.get(c) : 0;
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { cells, macroF1: f1Sum / present.size, microF1: correct / actual.length };
}
