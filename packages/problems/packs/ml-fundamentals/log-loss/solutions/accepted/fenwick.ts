// Stores the clipped per-example losses in a Fenwick (binary indexed) tree and answers each range as
// the difference of two prefix queries: O(n log n + q log n).
function logLoss(labels: number[], probabilities: number[], eps: number, queries: number[][]): number[] {
  const n = labels.length;
  const tree = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    const loss = labels[i] === 1 ? -Math.log(p) : -Math.log(1 - p);
    for (let k = i + 1; k <= n; k += k & -k) tree[k] += loss;
  }
  const prefix = (count: number): number => {
    let sum = 0;
    for (let k = count; k > 0; k -= k & -k) sum += tree[k];
    return sum;
  };
  return queries.map(([start, end]) => (prefix(end) - prefix(start)) / (end - start));
}
