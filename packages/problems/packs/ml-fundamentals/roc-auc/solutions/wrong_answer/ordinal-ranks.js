// Ranks by sorted position, ignoring ties: tied scores get different ranks depending on the sort.
function rocAuc(labels, scores) {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  for (let k = 0; k < n; k++) if (labels[order[k]] === 1) rankSum += k + 1;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
