// Counts test words outside the vocabulary as words with zero count (alpha / (total + alpha · |V|))
// instead of ignoring them, which favours the classes with fewer training tokens.
function naiveBayesPredict(trainDocs, trainLabels, numClasses, vocabulary, alpha, testDocs) {
  const known = new Set(vocabulary);
  const V = known.size;
  const docCount = new Array(numClasses).fill(0);
  const totals = new Array(numClasses).fill(0);
  const counts = Array.from({ length: numClasses }, () => new Map());
  trainDocs.forEach((doc, i) => {
    const c = trainLabels[i];
    docCount[c]++;
    for (const word of doc) {
      counts[c].set(word, (counts[c].get(word) || 0) + 1);
      totals[c]++;
    }
  });
  const logPrior = docCount.map((count) => Math.log(count / trainDocs.length));
  return testDocs.map((doc) => {
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < numClasses; c++) {
      let score = logPrior[c];
      for (const word of doc) {
        score += Math.log(((counts[c].get(word) || 0) + alpha) / (totals[c] + alpha * V));
      }
      if (best === -1 || score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  });
}
