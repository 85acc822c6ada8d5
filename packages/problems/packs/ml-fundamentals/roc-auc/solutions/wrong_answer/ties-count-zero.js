// Counts only strict wins: a positive tied with a negative adds nothing instead of one half.
function rocAuc(labels, scores) {
  let positives = 0;
  for (const y of labels) positives += y;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  pos.sort();
  neg.sort();
  let below = 0;
  let wins = 0;
  for (let i = 0; i < positives; i++) {
    while (below < negatives && neg[below] < pos[i]) below++;
    wins += below;
  }
  return wins / (positives * negatives);
}
