// Indexes the vocabulary, counts words per class in one flat table, precomputes every smoothed
// log-likelihood log P(word | class), and scores a document by adding table rows. O(|V| · C) to
// train, O(tokens · C) to predict.
function naiveBayesPredict(
  trainDocs: string[][],
  trainLabels: number[],
  numClasses: number,
  vocabulary: string[],
  alpha: number,
  testDocs: string[][],
): number[] {
  const index = new Map<string, number>();
  for (const word of vocabulary) if (!index.has(word)) index.set(word, index.size);
  const V = index.size;
  const C = numClasses;
  const counts = new Float64Array(V * C);
  const totals = new Float64Array(C);
  const docs = new Float64Array(C);
  for (let i = 0; i < trainDocs.length; i++) {
    const c = trainLabels[i];
    docs[c] += 1;
    for (const word of trainDocs[i]) {
      const w = index.get(word);
      if (w === undefined) continue;
      counts[w * C + c] += 1;
      totals[c] += 1;
    }
  }
  const logLikelihood = new Float64Array(V * C);
  for (let w = 0; w < V; w++) {
    for (let c = 0; c < C; c++) {
      logLikelihood[w * C + c] = Math.log((counts[w * C + c] + alpha) / (totals[c] + alpha * V));
    }
  }
  const logPrior = Array.from(docs, (n) => Math.log(n / trainDocs.length));
  const scores = new Float64Array(C);
  return testDocs.map((doc) => {
    scores.set(logPrior);
    for (const word of doc) {
      const w = index.get(word);
      if (w === undefined) continue;
      for (let c = 0; c < C; c++) scores[c] += logLikelihood[w * C + c];
    }
    let best = 0;
    for (let c = 1; c < C; c++) if (scores[c] > scores[best]) best = c;
    return best;
  });
}
