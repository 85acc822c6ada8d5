// Lets every tree vote on every point, including the trees trained on it: the in-bag trees have seen
// the point's label, so the "out-of-bag" error leaks the training data and comes out optimistic.
function randomForestOob(labels, predictions, numFeatures, seed) {
  const n = labels.length;
  let state = seed;
  const draw = () => (state = (state * 48271) % 2147483647);
  const m = Math.floor(Math.sqrt(numFeatures));
  const featureSubsets = [];
  for (let t = 0; t < predictions.length; t++) {
    for (let k = 0; k < n; k++) draw();
    const features = [...Array(numFeatures).keys()];
    for (let i = 0; i < m; i++) {
      const j = i + (draw() % (numFeatures - i));
      [features[i], features[j]] = [features[j], features[i]];
    }
    featureSubsets.push(features.slice(0, m));
  }
  const oobPredictions = [];
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const votes = new Map();
    for (const row of predictions) votes.set(row[i], (votes.get(row[i]) ?? 0) + 1);
    let best = -1;
    let bestVotes = 0;
    for (const [label, count] of votes) {
      if (count > bestVotes || (count === bestVotes && label < best)) {
        best = label;
        bestVotes = count;
      }
    }
    oobPredictions.push(best);
    if (best !== labels[i]) wrong++;
  }
  return { featureSubsets, oobPredictions, oobError: wrong / n };
}
