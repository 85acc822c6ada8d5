// For every class, scans all the labels to collect its members: O(n · classes).
function stratifiedKFold(labels, k) {
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const folds = Array.from({ length: k }, () => []);
  let position = 0;
  for (const c of classes) {
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === c) folds[position++ % k].push(i);
    }
  }
  for (const fold of folds) fold.sort((a, b) => a - b);
  return folds;
}
