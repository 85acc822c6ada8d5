// Recounts every score for every threshold: O(n·q).
function precisionRecallF1(labels, scores, thresholds) {
  let positives = 0;
  for (const y of labels) positives += y;
  return thresholds.map((t) => {
    let tp = 0;
    let predicted = 0;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] >= t) {
        predicted++;
        tp += labels[i];
      }
    }
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  });
}
