// Sorts the positives' and the negatives' scores separately, then walks both in ascending order: for
// each positive, the negatives strictly below it win it a full point and those equal to it half a point.
function rocAuc(labels: number[], scores: number[]): number {
  let positives = 0;
  for (const y of labels) positives += y;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  pos.sort();
  neg.sort();
  let below = 0; // negatives with a score < the current positive's
  let notAbove = 0; // negatives with a score <= the current positive's
  let halves = 0; // twice the pair total, so it stays an exact integer
  for (let i = 0; i < positives; i++) {
    const s = pos[i];
    while (below < negatives && neg[below] < s) below++;
    if (notAbove < below) notAbove = below;
    while (notAbove < negatives && neg[notAbove] <= s) notAbove++;
    halves += below + notAbove;
  }
  return halves / (2 * positives * negatives);
}
