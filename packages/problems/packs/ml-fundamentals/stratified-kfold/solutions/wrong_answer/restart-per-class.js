// Starts every class at fold 0 instead of continuing the turn: the first folds collect the remainder of
// every class and grow larger than the last ones.
function stratifiedKFold(labels, k) {
  const byClass = new Map();
  labels.forEach((label, i) => {
    if (!byClass.has(label)) byClass.set(label, []);
    byClass.get(label).push(i);
  });
  const folds = Array.from({ length: k }, () => []);
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    byClass.get(c).forEach((i, position) => {
      folds[position % k].push(i);
    });
  }
  for (const fold of folds) fold.sort((a, b) => a - b);
  return folds;
}
