// @idiomatic
// Log-softmax through a max-shifted log-sum-exp per row, then the smoothed target mixes the label's
// log-probability with the mean log-probability of all classes.
function crossEntropy(logits, labels, smoothing) {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const row = logits[i];
    const C = row.length;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    const logSumExp = max + Math.log(sumExp);
    let sumLogProb = 0;
    for (const z of row) sumLogProb += z - logSumExp;
    const labelLogProb = row[labels[i]] - logSumExp;
    total += -((1 - smoothing) * labelLogProb + (smoothing / C) * sumLogProb);
  }
  return total / logits.length;
}
