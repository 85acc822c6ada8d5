// Softmax without subtracting the row's maximum: e^z overflows to Infinity for logits above ~709
// (Infinity / Infinity = NaN) and underflows to 0 below ~-745 (log 0 = -Infinity).
function crossEntropy(logits, labels, smoothing) {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const row = logits[i];
    const C = row.length;
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z);
    const logSumExp = Math.log(sumExp);
    let sumLogProb = 0;
    for (const z of row) sumLogProb += z - logSumExp;
    total += -((1 - smoothing) * (row[labels[i]] - logSumExp) + (smoothing / C) * sumLogProb);
  }
  return total / logits.length;
}
