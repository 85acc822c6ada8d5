// Mistake: breaks ties between equal similarities by the higher index first.
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
    const duplicates = scored.filter((x) => x.s >= threshold - 1e-12).map((x) => x.i);
    scored.sort((a, b) => b.s - a.s || b.i - a.i);
    return { neighbours: scored.slice(0, k).map((x) => x.i), duplicates };
  });
}
