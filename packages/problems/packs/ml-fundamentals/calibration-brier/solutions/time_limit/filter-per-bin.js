// Filters all n examples once per bin to find the bin's members: O(n · B).
function calibrationReport(labels, probabilities, numBins) {
  const n = labels.length;
  const binOf = (p) => Math.min(numBins - 1, Math.floor(p * numBins));
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (probabilities[i] - labels[i]) ** 2;
  let ece = 0;
  const bins = [];
  for (let b = 0; b < numBins; b++) {
    const members = [];
    for (let i = 0; i < n; i++) if (binOf(probabilities[i]) === b) members.push(i);
    if (members.length === 0) {
      bins.push({ count: 0, meanPredicted: null, fractionPositive: null });
      continue;
    }
    const meanPredicted = members.reduce((s, i) => s + probabilities[i], 0) / members.length;
    const fractionPositive = members.reduce((s, i) => s + labels[i], 0) / members.length;
    ece += (members.length / n) * Math.abs(fractionPositive - meanPredicted);
    bins.push({ count: members.length, meanPredicted, fractionPositive });
  }
  return { brier: brier / n, ece, bins };
}
