// No smoothing: P(word | class) = count / total, so a word a class never saw gives log 0 = -Infinity and
// wipes that class out (and a class with no training tokens gives 0 / 0 = NaN).
function naiveBayesPredict(trainDocs, trainLabels, numClasses, vocabulary, _alpha, testDocs) {
  const known = new Set(vocabulary);
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
        if (!known.has(word)) continue;
        score += Math.log((counts[c].get(word) || 0) / totals[c]);
      }
      if (best === -1 || score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  });
}
