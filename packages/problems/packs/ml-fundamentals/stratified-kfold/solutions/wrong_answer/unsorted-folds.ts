// Deals correctly but returns every fold in dealing order (class by class) instead of ascending index
// order.
function stratifiedKFold(labels: number[], k: number): number[][] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a] - labels[b] || a - b);
  const folds: number[][] = Array.from({ length: k }, () => []);
  order.forEach((index, position) => {
    folds[position % k].push(index);
  });
  return folds;
}
