// Computes each class's log-probability as z − logSumExp(row), calling logSumExp again for every
// class: O(n · C²).
function crossEntropy(logits, labels, smoothing) {
  const logSumExp = (row) => {
    const max = Math.max(...row);
    return max + Math.log(row.reduce((s, z) => s + Math.exp(z - max), 0));
  };
  let total = 0;
  logits.forEach((row, i) => {
    const logProbs = row.map((z) => z - logSumExp(row));
    const mean = logProbs.reduce((s, v) => s + v, 0) / row.length;
    total -= (1 - smoothing) * logProbs[labels[i]] + smoothing * mean;
  });
  return total / logits.length;
}
