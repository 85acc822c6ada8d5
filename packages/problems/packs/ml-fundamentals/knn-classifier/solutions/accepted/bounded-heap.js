// For each query, keep the k nearest points seen so far in a max-heap of [distance, index] pairs
// (the farthest on top, ties broken by the larger index), then vote over the k that remain.
function knnClassify(trainX, trainY, queries, k) {
  const farther = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const result = [];
  for (const q of queries) {
    const heap = [];
    for (let i = 0; i < trainX.length; i++) {
      let dist = 0;
      for (let t = 0; t < q.length; t++) dist += (trainX[i][t] - q[t]) ** 2;
      const item = [dist, i];
      if (heap.length < k) {
        heap.push(item);
        let c = heap.length - 1;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (!farther(heap[c], heap[p])) break;
          [heap[c], heap[p]] = [heap[p], heap[c]];
          c = p;
        }
      } else if (farther(heap[0], item)) {
        heap[0] = item;
        let p = 0;
        while (true) {
          const l = 2 * p + 1;
          const r = l + 1;
          let top = p;
          if (l < heap.length && farther(heap[l], heap[top])) top = l;
          if (r < heap.length && farther(heap[r], heap[top])) top = r;
          if (top === p) break;
          [heap[p], heap[top]] = [heap[top], heap[p]];
          p = top;
        }
      }
    }
    heap.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const votes = new Map();
    for (const [, i] of heap) votes.set(trainY[i], (votes.get(trainY[i]) || 0) + 1);
    let best = null;
    for (const [, i] of heap) {
      const label = trainY[i];
      if (best === null || votes.get(label) > votes.get(best)) best = label;
    }
    result.push(best);
  }
  return result;
}
