// @idiomatic
// Sorts the indices by (label, index), deals them to the folds in turn, then sorts every fold.
function stratifiedKFold(labels, k) {
  const order = labels.map((_, i) => i);
  order.sort((a, b) => labels[a] - labels[b] || a - b);
  const folds = Array.from({ length: k }, () => []);
  order.forEach((index, position) => {
    folds[position % k].push(index);
  });
  for (const fold of folds) fold.sort((a, b) => a - b);
  return folds;
}
