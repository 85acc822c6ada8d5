// Sorts the thresholds in descending order and sweeps them against the scores, also sorted in
// descending order, counting predicted positives and true positives as the threshold drops:
// O(n log n + q log q).
function precisionRecallF1(
  labels: number[],
  scores: number[],
  thresholds: number[],
): { precision: number; recall: number; f1: number }[] {
  const n = scores.length;
  const q = thresholds.length;
  // All scores and the positives' scores, each sorted in descending order.
  let positives = 0;
  for (const y of labels) positives += y;
  const all = Float64Array.from(scores).sort().reverse();
  const pos = new Float64Array(positives);
  for (let i = 0, k = 0; i < n; i++) if (labels[i] === 1) pos[k++] = scores[i];
  pos.sort().reverse();
  const byThreshold = Array.from({ length: q }, (_, i) => i).sort((a, b) => thresholds[b] - thresholds[a]);
  const result: { precision: number; recall: number; f1: number }[] = new Array(q);
  let taken = 0; // scores >= current threshold
  let tp = 0; // positives' scores >= current threshold
  for (const j of byThreshold) {
    const t = thresholds[j];
    while (taken < n && all[taken] >= t) taken++;
    while (tp < positives && pos[tp] >= t) tp++;
    const precision = taken === 0 ? 0 : tp / taken;
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * tp) / (taken + positives);
    result[j] = { precision, recall, f1 };
  }
  return result;
}
