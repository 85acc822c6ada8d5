// Scales every vector to unit length first (zero vectors stay zero), so a cosine is a plain dot
// product; equal-up-to-rounding similarities are compared as the statement says, within 1e-12.
function searchEmbeddings(
  catalogue: number[][],
  queries: number[][],
  k: number,
  threshold: number,
): { neighbours: number[]; duplicates: number[] }[] {
  const EPS = 1e-12;
  const unit = (v: number[]): Float64Array => {
    const length = Math.hypot(...v);
    return Float64Array.from(v, (x) => (length === 0 ? 0 : x / length));
  };
  const items = catalogue.map(unit);
  return queries.map((query) => {
    const q = unit(query);
    const sims = items.map((c) => {
      let dot = 0;
      for (let j = 0; j < q.length; j++) dot += (q[j] as number) * (c[j] as number);
      return dot;
    });
    const order = sims.map((_, i) => i);
    order.sort((a, b) => {
      const diff = (sims[b] as number) - (sims[a] as number);
      return Math.abs(diff) <= EPS ? a - b : diff;
    });
    const duplicates: number[] = [];
    sims.forEach((s, i) => {
      if (s >= threshold - EPS) duplicates.push(i);
    });
    return { neighbours: order.slice(0, k), duplicates };
  });
}
