// Mistake: ranks by the raw dot product ("the query's norm is the same for every item") and forgets
// that the catalogue vectors are not normalised either, so long vectors win.
function searchEmbeddings(catalogue, queries, k, threshold) {
  const norm = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return queries.map((q) => {
    const scored = catalogue.map((c, i) => {
      const dot = q.reduce((s, x, j) => s + x * c[j], 0);
      const denominator = norm(q) * norm(c);
      return { i, dot, cos: denominator === 0 ? 0 : dot / denominator };
    });
    const duplicates = scored.filter((x) => x.cos >= threshold - 1e-12).map((x) => x.i);
    scored.sort((a, b) => b.dot - a.dot || a.i - b.i);
    return { neighbours: scored.slice(0, k).map((x) => x.i), duplicates };
  });
}
