// Ignores the labels: plain k-fold, contiguous blocks of indices, the first n mod k folds one larger
// (scikit-learn's KFold). The class proportions of a fold are whatever the data order gives.
function stratifiedKFold(labels, k) {
  const n = labels.length;
  const folds = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    const fold = [];
    for (let i = start; i < start + size; i++) fold.push(i);
    folds.push(fold);
    start += size;
  }
  return folds;
}
