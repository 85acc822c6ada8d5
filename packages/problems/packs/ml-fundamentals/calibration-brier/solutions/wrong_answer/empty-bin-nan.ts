// Divides by the count of every bin, empty ones included: an empty bin reports 0 / 0 = NaN means
// instead of null, and the NaN spreads into the ECE.
function calibrationReport(
  labels: number[],
  probabilities: number[],
  numBins: number,
): {
  brier: number;
  ece: number;
  bins: { count: number; meanPredicted: number | null; fractionPositive: number | null }[];
} {
  const n = labels.length;
  const counts = new Array<number>(numBins).fill(0);
  const sumP = new Array<number>(numBins).fill(0);
  const sumY = new Array<number>(numBins).fill(0);
  let brier = 0;
  probabilities.forEach((p, i) => {
    const b = Math.min(numBins - 1, Math.floor(p * numBins));
    counts[b]++;
    sumP[b] += p;
    sumY[b] += labels[i];
    brier += (p - labels[i]) ** 2;
  });
  let ece = 0;
  const bins = counts.map((count, b) => {
    const meanPredicted = sumP[b] / count;
    const fractionPositive = sumY[b] / count;
    ece += (count / n) * Math.abs(fractionPositive - meanPredicted);
    return { count, meanPredicted, fractionPositive };
  });
  return { brier: brier / n, ece, bins };
}
