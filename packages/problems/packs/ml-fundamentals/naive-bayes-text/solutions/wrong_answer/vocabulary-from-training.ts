// Takes |V| as the number of distinct words in the training documents instead of the size of the
// given vocabulary, which also holds words no training document uses.
function naiveBayesPredict(
  trainDocs: string[][],
  trainLabels: number[],
  numClasses: number,
  vocabulary: string[],
  alpha: number,
  testDocs: string[][],
): number[] {
  const known = new Set(vocabulary);
  const seen = new Set<string>();
  const docCount = new Array<number>(numClasses).fill(0);
  const totals = new Array<number>(numClasses).fill(0);
  const counts = Array.from({ length: numClasses }, () => new Map<string, number>());
  trainDocs.forEach((doc, i) => {
    const c = trainLabels[i];
    docCount[c]++;
    for (const word of doc) {
      seen.add(word);
      counts[c].set(word, (counts[c].get(word) ?? 0) + 1);
      totals[c]++;
    }
  });
  const V = seen.size;
  return testDocs.map((doc) => {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < numClasses; c++) {
      let score = Math.log(docCount[c] / trainDocs.length);
      for (const word of doc) {
        if (known.has(word)) score += Math.log(((counts[c].get(word) ?? 0) + alpha) / (totals[c] + alpha * V));
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  });
}
