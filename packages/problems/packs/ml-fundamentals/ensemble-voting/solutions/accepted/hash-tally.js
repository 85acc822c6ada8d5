/**
 * One pass per sample with a hash map of the labels it received: O(m·n) time overall.
 * Models are ranked once by (weight desc, index asc) for the weighted tie rule.
 * @param {number[][]} predictions
 * @param {number[]} weights
 * @return {{majority: number[], weighted: number[]}}
 */
function ensembleVote(predictions, weights) {
  const m = predictions.length;
  const n = predictions[0].length;
  const rank = Array.from({ length: m }, (_, j) => j).sort((a, b) => weights[b] - weights[a] || a - b);
  const votes = new Map();
  const score = new Map();
  const majority = new Array(n);
  const weighted = new Array(n);
  for (let i = 0; i < n; i++) {
    votes.clear();
    score.clear();
    for (let j = 0; j < m; j++) {
      const label = predictions[j][i];
      votes.set(label, (votes.get(label) ?? 0) + 1);
      score.set(label, (score.get(label) ?? 0) + weights[j]);
    }
    let best = -1;
    let bestLabel = -1;
    for (const [label, count] of votes) {
      if (count > best || (count === best && label < bestLabel)) {
        best = count;
        bestLabel = label;
      }
    }
    majority[i] = bestLabel;
    let top = -1;
    for (const s of score.values()) if (s > top) top = s;
    for (const j of rank) {
      const label = predictions[j][i];
      if (score.get(label) === top) {
        weighted[i] = label;
        break;
      }
    }
  }
  return { majority, weighted };
}
