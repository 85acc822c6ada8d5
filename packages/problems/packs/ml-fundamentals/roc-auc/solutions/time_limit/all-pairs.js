// Compares every positive with every negative: O(P·N).
function rocAuc(labels, scores) {
  const pos = [];
  const neg = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? pos : neg).push(scores[i]);
  if (pos.length === 0 || neg.length === 0) return 0.5;
  let wins = 0;
  for (const p of pos) {
    for (const q of neg) {
      if (p > q) wins += 1;
      else if (p === q) wins += 0.5;
    }
  }
  return wins / (pos.length * neg.length);
}
