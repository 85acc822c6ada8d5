// Breaks a tie in the vote by the label that reached the top count first, going through the trees in
// order, instead of by the smallest label.
function randomForestOob(
  labels: number[],
  predictions: number[][],
  numFeatures: number,
  seed: number,
): { featureSubsets: number[][]; oobPredictions: number[]; oobError: number } {
  const n = labels.length;
  let state = seed;
  const draw = (): number => (state = (state * 48271) % 2147483647);
  const m = Math.floor(Math.sqrt(numFeatures));
  const inBag: boolean[][] = [];
  const featureSubsets: number[][] = [];
  for (let t = 0; t < predictions.length; t++) {
    const bag = new Array<boolean>(n).fill(false);
    for (let k = 0; k < n; k++) bag[draw() % n] = true;
    inBag.push(bag);
    const features = [...Array(numFeatures).keys()];
    for (let i = 0; i < m; i++) {
      const j = i + (draw() % (numFeatures - i));
      [features[i], features[j]] = [features[j], features[i]];
    }
    featureSubsets.push(features.slice(0, m));
  }
  const oobPredictions: number[] = [];
  let predicted = 0;
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const votes = new Map<number, number>();
    let best = -1;
    let bestVotes = 0;
    for (let t = 0; t < predictions.length; t++) {
      if (inBag[t][i]) continue;
      const label = predictions[t][i];
      const count = (votes.get(label) ?? 0) + 1;
      votes.set(label, count);
      if (count > bestVotes) {
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
