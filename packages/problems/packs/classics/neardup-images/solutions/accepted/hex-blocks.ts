// Splits the 16 hex digits into max(d + 1, 2) blocks: two hashes at distance <= d differ in at most d
// blocks, so they are equal on at least one. For each block, sorting the keys (block value · 2^17 + index)
// brings equal block values together; candidates inside a run are verified with a popcount of the XOR of
// the two 32-bit halves, and a set removes pairs found in more than one block.
function findSimilarImages(hashes: string[], d: number): number[][] {
  const n = hashes.length;
  const hi = new Int32Array(n);
  const lo = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    hi[i] = parseInt(hashes[i].slice(0, 8), 16) | 0;
    lo[i] = parseInt(hashes[i].slice(8, 16), 16) | 0;
  }
  const popcount = (v: number): number => {
    let x = (v - ((v >>> 1) & 0x55555555)) | 0;
    x = ((x & 0x33333333) + ((x >>> 2) & 0x33333333)) | 0;
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const SLOT = 2 ** 17; // > n, so key = value · SLOT + index is exact for values of up to 32 bits
  const blocks = Math.max(d + 1, 2);
  const keys = new Float64Array(n);
  const seen = new Set<number>();
  const result: number[][] = [];
  for (let b = 0; b < blocks; b++) {
    const from = Math.round((16 * b) / blocks);
    const to = Math.round((16 * (b + 1)) / blocks);
    for (let i = 0; i < n; i++) keys[i] = parseInt(hashes[i].slice(from, to), 16) * SLOT + i;
    keys.sort();
    for (let start = 0; start < n; ) {
      const value = Math.floor(keys[start] / SLOT);
      let end = start + 1;
      while (end < n && Math.floor(keys[end] / SLOT) === value) end++;
      for (let a = start; a < end; a++) {
        const i = keys[a] - value * SLOT;
        for (let c = a + 1; c < end; c++) {
          const j = keys[c] - value * SLOT;
          if (popcount(hi[i] ^ hi[j]) + popcount(lo[i] ^ lo[j]) > d) continue;
          const pair = i * n + j;
          if (seen.has(pair)) continue;
          seen.add(pair);
          result.push([i, j]);
        }
      }
      start = end;
    }
  }
  return result;
}
