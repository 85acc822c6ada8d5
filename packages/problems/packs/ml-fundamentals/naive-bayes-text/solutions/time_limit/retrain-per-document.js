// Re-counts the whole training set for every test document (and every class), instead of training
// once: O(test documents · training tokens).
function naiveBayesPredict(trainDocs, trainLabels, numClasses, vocabulary, alpha, testDocs) {
  const known = new Set(vocabulary);
  return testDocs.map((doc) => {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < numClasses; c++) {
      const counts = new Map();
      let total = 0;
      let docs = 0;
      trainDocs.forEach((trainDoc, i) => {
        if (trainLabels[i] !== c) return;
        docs++;
        for (const word of trainDoc) {
          counts.set(word, (counts.get(word) || 0) + 1);
          total++;
        }
      });
      let score = Math.log(docs / trainDocs.length);
      for (const word of doc) {
        if (known.has(word)) score += Math.log(((counts.get(word) || 0) + alpha) / (total + alpha * known.size));
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  });
}
