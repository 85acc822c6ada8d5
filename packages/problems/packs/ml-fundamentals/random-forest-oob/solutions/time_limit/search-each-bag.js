// Keeps each tree's bootstrap sample as the list of drawn indices and searches it for every point:
// O(trees · n²).
function randomForestOob(labels, predictions, numFeatures, seed) {
  const n = labels.length;
  let state = seed;
  const draw = () => (state = (state * 48271) % 2147483647);
  const m = Math.floor(Math.sqrt(numFeatures));
  const bags = [];
  const featureSubsets = [];
  for (let t = 0; t < predictions.length; t++) {
    const bag = [];
    for (let k = 0; k < n; k++) bag.push(draw() % n);
    bags.push(bag);
    const features = [...Array(numFeatures).keys()];
    for (let i = 0; i < m; i++) {
      const j = i + (draw() % (numFeatures - i));
      [features[i], features[j]] = [features[j], features[i]];
    }
    featureSubsets.push(features.slice(0, m));
  }
  const oobPredictions = [];
  let predicted = 0;
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const votes = new Map();
    for (let t = 0; t < predictions.length; t++) {
      if (!bags[t].includes(i)) votes.set(predictions[t][i], (votes.get(predictions[t][i]) ?? 0) + 1);
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
