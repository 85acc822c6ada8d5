// Buckets by each 16-bit quarter but never removes repeats: a pair that agrees on several quarters is
// reported once per quarter.
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
  const value = new Int32Array(n);
  const start = new Int32Array(65537);
  const order = new Int32Array(n);
  const result = [];
  for (let q = 0; q < 4; q++) {
    const half = q < 2 ? hi : lo;
    const shift = q % 2 === 0 ? 16 : 0;
    start.fill(0);
    for (let i = 0; i < n; i++) {
      value[i] = (half[i] >>> shift) & 0xffff;
      start[value[i] + 1]++;
    }
    for (let v = 0; v < 65536; v++) start[v + 1] += start[v];
    const next = start.slice(0, 65536);
    for (let i = 0; i < n; i++) order[next[value[i]]++] = i; // stable: ascending indices per value
    for (let v = 0; v < 65536; v++) {
      const end = start[v + 1];
      for (let a = start[v]; a < end; a++) {
        const i = order[a];
        for (let b = a + 1; b < end; b++) {
          const j = order[b];
          const x = hi[i] ^ hi[j];
          const y = lo[i] ^ lo[j];
          if (popcount(x) + popcount(y) <= d) result.push([i, j]);
        }
      }
    }
  }
  return result;
}
