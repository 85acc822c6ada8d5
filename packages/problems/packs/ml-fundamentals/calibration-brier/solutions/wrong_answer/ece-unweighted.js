// Averages |fractionPositive − meanPredicted| over the non-empty bins with equal weight, instead of
// weighting each bin by its share count / n of the examples.
function calibrationReport(labels, probabilities, numBins) {
  const n = labels.length;
  const counts = new Array(numBins).fill(0);
  const sumP = new Array(numBins).fill(0);
  const sumY = new Array(numBins).fill(0);
  let squared = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    const b = Math.min(numBins - 1, Math.floor(p * numBins));
    counts[b]++;
    sumP[b] += p;
    sumY[b] += labels[i];
    squared += (p - labels[i]) ** 2;
  }
  let gaps = 0;
  let nonEmpty = 0;
  const bins = counts.map((count, b) => {
    if (count === 0) return { count: 0, meanPredicted: null, fractionPositive: null };
    const meanPredicted = sumP[b] / count;
    const fractionPositive = sumY[b] / count;
    gaps += Math.abs(fractionPositive - meanPredicted);
    nonEmpty++;
    return { count, meanPredicted, fractionPositive };
  });
  return { brier: squared / n, ece: gaps / nonEmpty, bins };
}
