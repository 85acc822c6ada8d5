// Too slow: picks the k neighbours one at a time, rescanning every catalogue item for the best one
// not yet taken: O(k · n) per query, quadratic when k is close to n.
function searchEmbeddings(catalogue, queries, k, threshold) {
  const norm = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const catalogueNorms = catalogue.map(norm);
  return queries.map((q) => {
    const queryNorm = norm(q);
    const sims = catalogue.map((c, i) => {
      let dot = 0;
      for (let j = 0; j < q.length; j++) dot += q[j] * c[j];
      const denominator = queryNorm * catalogueNorms[i];
      return denominator === 0 ? 0 : dot / denominator;
    });
    const taken = new Array(sims.length).fill(false);
    const neighbours = [];
    for (let r = 0; r < k; r++) {
      let best = -1;
      for (let i = 0; i < sims.length; i++) {
        if (!taken[i] && (best === -1 || sims[i] > sims[best])) best = i;
      }
      taken[best] = true;
      neighbours.push(best);
    }
    const duplicates = [];
    sims.forEach((s, i) => {
      if (s >= threshold - 1e-12) duplicates.push(i);
    });
    return { neighbours, duplicates };
  });
}
