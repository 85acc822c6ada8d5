// For every class that occurs, rescans all examples to count its row of the matrix: O(n · classes).
function confusionMatrixF1(numClasses, actual, predicted) {
  const n = actual.length;
  const seen = new Uint8Array(numClasses);
  for (let i = 0; i < n; i++) seen[actual[i]] = seen[predicted[i]] = 1;
  const cells = [];
  let sum = 0;
  let present = 0;
  let correct = 0;
  for (let c = 0; c < numClasses; c++) {
    if (!seen[c]) continue;
    present++;
    const row = new Map();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      if (actual[i] === c) {
        row.set(predicted[i], (row.get(predicted[i]) || 0) + 1);
        if (predicted[i] === c) tp++;
        else fn++;
      } else if (predicted[i] === c) fp++;
    }
    correct += tp;
    for (const p of [...row.keys()].sort((x, y) => x - y)) cells.push([c, p, row.get(p)]);
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { cells, macroF1: sum / present, microF1: correct / n };
}
