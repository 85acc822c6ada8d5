// Mistake: flags a near-duplicate only when its similarity is strictly above the threshold; the rule
// is "at least the threshold", so an item exactly at it is missed.
function searchEmbeddings(catalogue, queries, k, threshold) {
  const norm = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const catalogueNorms = catalogue.map(norm);
  return queries.map((q) => {
    const queryNorm = norm(q);
    const scored = catalogue.map((c, i) => {
      let dot = 0;
      for (let j = 0; j < q.length; j++) dot += q[j] * c[j];
      const denominator = queryNorm * catalogueNorms[i];
      return { i, s: denominator === 0 ? 0 : dot / denominator };
    });
    const duplicates = scored.filter((x) => x.s > threshold).map((x) => x.i);
    scored.sort((a, b) => b.s - a.s || a.i - b.i);
    return { neighbours: scored.slice(0, k).map((x) => x.i), duplicates };
  });
}
