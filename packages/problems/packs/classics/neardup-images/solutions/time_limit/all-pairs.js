// Compares every pair of hashes: n^2 / 2 popcounts, 5 · 10^9 for n = 10^5.
function findSimilarImages(hashes, d) {
  const n = hashes.length;
  const hi = new Int32Array(n);
  const lo = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    hi[i] = parseInt(hashes[i].slice(0, 8), 16) | 0;
    lo[i] = parseInt(hashes[i].slice(8), 16) | 0;
  }
  const popcount = (x) => {
    x = (x - ((x >>> 1) & 0x55555555)) | 0;
    x = ((x & 0x33333333) + ((x >>> 2) & 0x33333333)) | 0;
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const result = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (popcount(hi[i] ^ hi[j]) + popcount(lo[i] ^ lo[j]) <= d) result.push([i, j]);
    }
  }
  return result;
}
