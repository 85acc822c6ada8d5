// Takes floor(p · B) without capping it at B − 1: an example with p = 1 lands in a bin B that the
// report never reads, so it is silently missing from the last bin (and from the ECE).
function calibrationReport(labels, probabilities, numBins) {
  const n = labels.length;
  const counts = new Array(numBins + 1).fill(0);
  const sumP = new Array(numBins + 1).fill(0);
  const sumY = new Array(numBins + 1).fill(0);
  let squared = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    const b = Math.floor(p * numBins);
    counts[b]++;
    sumP[b] += p;
    sumY[b] += labels[i];
    squared += (p - labels[i]) ** 2;
  }
  let ece = 0;
  const bins = [];
  for (let b = 0; b < numBins; b++) {
    const count = counts[b];
    if (count === 0) {
      bins.push({ count: 0, meanPredicted: null, fractionPositive: null });
      continue;
    }
    const meanPredicted = sumP[b] / count;
    const fractionPositive = sumY[b] / count;
    ece += (count / n) * Math.abs(fractionPositive - meanPredicted);
    bins.push({ count, meanPredicted, fractionPositive });
  }
  return { brier: squared / n, ece, bins };
}
