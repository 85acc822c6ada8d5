/**
 * Mann–Whitney U: rank all scores (tied scores share the average of their ranks), then
 * AUC = (sum of the positives' ranks − P(P+1)/2) / (P·N). O(n log n).
 * @param {number[]} labels
 * @param {number[]} scores
 * @return {number}
 */
function rocAuc(labels, scores) {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  // Ranks are 1-based; a run of equal scores at positions i..j-1 gets rank (i + 1 + j) / 2 each.
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let positivesInRun = 0;
    while (j < n && scores[order[j]] === scores[order[i]]) positivesInRun += labels[order[j++]];
    rankSum += (positivesInRun * (i + 1 + j)) / 2;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
