// Correct with both classes present, but divides 0 by 0 when one class is missing.
function rocAuc(labels, scores) {
  let positives = 0;
  for (const y of labels) positives += y;
  const negatives = labels.length - positives;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  pos.sort();
  neg.sort();
  let below = 0;
  let notAbove = 0;
  let halves = 0;
  for (let i = 0; i < positives; i++) {
    while (below < negatives && neg[below] < pos[i]) below++;
    if (notAbove < below) notAbove = below;
    while (notAbove < negatives && neg[notAbove] <= pos[i]) notAbove++;
    halves += below + notAbove;
  }
  return halves / (2 * positives * negatives);
}
