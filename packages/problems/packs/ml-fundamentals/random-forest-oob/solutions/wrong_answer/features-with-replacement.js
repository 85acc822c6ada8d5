// Draws each of the m features independently as draw % d, i.e. with replacement (a feature can be
// picked twice), instead of the partial Fisher–Yates shuffle.
function randomForestOob(labels, predictions, numFeatures, seed) {
  const n = labels.length;
  let state = seed;
  const draw = () => (state = (state * 48271) % 2147483647);
  const m = Math.floor(Math.sqrt(numFeatures));
  const inBag = [];
  const featureSubsets = [];
  for (let t = 0; t < predictions.length; t++) {
    const bag = new Array(n).fill(false);
    for (let k = 0; k < n; k++) bag[draw() % n] = true;
    inBag.push(bag);
    const features = [];
    for (let i = 0; i < m; i++) features.push(draw() % numFeatures);
    featureSubsets.push(features);
  }
  const oobPredictions = [];
  let predicted = 0;
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const votes = new Map();
    for (let t = 0; t < predictions.length; t++) {
      if (!inBag[t][i]) votes.set(predictions[t][i], (votes.get(predictions[t][i]) ?? 0) + 1);
    }
    let best = -1;
    let bestVotes = 0;
    for (const [label, count] of votes) {
      if (count > bestVotes || (count === bestVotes && label < best)) {
        best = label;
        bestVotes = count;
      }
    }
    oobPredictions.push(best);
    if (best !== -1) {
      predicted++;
      if (best !== labels[i]) wrong++;
    }
  }
  return { featureSubsets, oobPredictions, oobError: predicted === 0 ? 0 : wrong / predicted };
}
