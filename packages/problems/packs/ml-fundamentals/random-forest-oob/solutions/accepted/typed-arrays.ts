// Marks every tree's bootstrap sample in one Uint8Array (tree-major), then for each point sorts the
// labels of its out-of-bag votes and takes the longest run; runs are met in ascending label order, so
// a strictly longer run is needed to replace the best, which leaves ties to the smallest label.
function randomForestOob(
  labels: number[],
  predictions: number[][],
  numFeatures: number,
  seed: number,
): { featureSubsets: number[][]; oobPredictions: number[]; oobError: number } {
  const n = labels.length;
  const trees = predictions.length;
  const m = Math.floor(Math.sqrt(numFeatures));
  let state = seed;
  const draw = (): number => (state = (state * 48271) % 2147483647);
  const inBag = new Uint8Array(trees * n);
  const featureSubsets: number[][] = [];
  const features = new Int32Array(numFeatures);
  for (let t = 0; t < trees; t++) {
    for (let k = 0; k < n; k++) inBag[t * n + (draw() % n)] = 1;
    for (let f = 0; f < numFeatures; f++) features[f] = f;
    for (let i = 0; i < m; i++) {
      const j = i + (draw() % (numFeatures - i));
      const swap = features[i];
      features[i] = features[j];
      features[j] = swap;
    }
    featureSubsets.push(Array.from(features.subarray(0, m)));
  }
  const oobPredictions = new Array<number>(n);
  const votes = new Float64Array(trees);
  let predicted = 0;
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let t = 0; t < trees; t++) if (!inBag[t * n + i]) votes[count++] = predictions[t][i];
    let best = -1;
    if (count > 0) {
      const cast = votes.subarray(0, count).sort();
      let bestRun = 0;
      for (let a = 0; a < count; ) {
        let b = a + 1;
        while (b < count && cast[b] === cast[a]) b++;
        if (b - a > bestRun) {
          bestRun = b - a;
          best = cast[a];
        }
        a = b;
      }
      predicted++;
      if (best !== labels[i]) wrong++;
    }
    oobPredictions[i] = best;
  }
  return { featureSubsets, oobPredictions, oobError: predicted === 0 ? 0 : wrong / predicted };
}
