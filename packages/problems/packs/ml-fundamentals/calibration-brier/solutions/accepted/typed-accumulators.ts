// Float64Array accumulators per bin; ECE as (1/n) · Σ_b |Σ_{i in b} (y_i − p_i)|, the same sum
// weighted by count / n.
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
  const counts = new Int32Array(numBins);
  const sumP = new Float64Array(numBins);
  const sumY = new Float64Array(numBins);
  let brier = 0;
  probabilities.forEach((p, i) => {
    const b = Math.min(numBins - 1, Math.floor(p * numBins));
    counts[b] += 1;
    sumP[b] += p;
    sumY[b] += labels[i];
    brier += (p - labels[i]) * (p - labels[i]);
  });
  let gap = 0;
  const bins: { count: number; meanPredicted: number | null; fractionPositive: number | null }[] = [];
  for (let b = 0; b < numBins; b++) {
    const count = counts[b];
    gap += Math.abs(sumY[b] - sumP[b]);
    bins.push(
      count === 0
        ? { count, meanPredicted: null, fractionPositive: null }
        : { count, meanPredicted: sumP[b] / count, fractionPositive: sumY[b] / count },
    );
  }
  return { brier: brier / n, ece: gap / n, bins };
}
