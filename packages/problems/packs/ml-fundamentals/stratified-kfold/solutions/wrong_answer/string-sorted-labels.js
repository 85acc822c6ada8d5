// Sorts the distinct labels with the default sort, which compares them as strings: 10 comes before 9
// and -1 before -2.
function stratifiedKFold(labels, k) {
  const classes = [...new Set(labels)].sort();
  const byClass = new Map(classes.map((c) => [c, []]));
  for (let i = 0; i < labels.length; i++) byClass.get(labels[i]).push(i);
  const folds = Array.from({ length: k }, () => []);
  let position = 0;
  for (const c of classes) for (const i of byClass.get(c)) folds[position++ % k].push(i);
  for (const fold of folds) fold.sort((a, b) => a - b);
  return folds;
}
