// Sorts each sample's m votes by label and reads off runs: O(n · m log m).
function ensembleVote(predictions: number[][], weights: number[]): { majority: number[]; weighted: number[] } {
  const m = predictions.length;
  const n = predictions[0].length;
  const majority: number[] = [];
  const weighted: number[] = [];
  const order: number[] = Array.from({ length: m }, (_, j) => j);
  for (let i = 0; i < n; i++) {
    order.sort((a, b) => predictions[a][i] - predictions[b][i] || a - b);
    let bestCount = 0;
    let bestLabel = 0;
    // Weighted: best total, then the heaviest supporter, then that supporter's lowest index.
    let bestScore = -1;
    let bestWeight = -1;
    let bestModel = -1;
    let wLabel = 0;
    let start = 0;
    while (start < m) {
      const label = predictions[order[start]][i];
      let end = start;
      let total = 0;
      let heavy = -1;
      let heavyModel = -1;
      while (end < m && predictions[order[end]][i] === label) {
        const j = order[end];
        total += weights[j];
        if (weights[j] > heavy || (weights[j] === heavy && j < heavyModel)) {
          heavy = weights[j];
          heavyModel = j;
        }
        end++;
      }
      const count = end - start;
      // Runs come in increasing label order, so a strict > keeps the smallest label on ties.
      if (count > bestCount) {
        bestCount = count;
        bestLabel = label;
      }
      if (
        total > bestScore ||
        (total === bestScore && (heavy > bestWeight || (heavy === bestWeight && heavyModel < bestModel)))
      ) {
        bestScore = total;
        bestWeight = heavy;
        bestModel = heavyModel;
        wLabel = label;
      }
      start = end;
    }
    majority.push(bestLabel);
    weighted.push(wLabel);
  }
  return { majority, weighted };
}
