/**
 * Pigeonhole: two 64-bit hashes at distance <= 3 differ in at most 3 of their four 16-bit quarters, so
 * they are equal on at least one. For each quarter, a counting sort groups the hashes by that quarter's
 * value; pairs inside a group are verified with a popcount of the XOR of the two 32-bit halves. A pair
 * is reported only from the first quarter on which it agrees, so it is reported once.
 * @param {string[]} hashes
 * @param {number} d
 * @return {number[][]}
 */
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
          // Quarters before q that also agree: the pair was already handled there.
          if (q >= 1 && (x & 0xffff0000) === 0) continue;
          if (q >= 2 && (x & 0xffff) === 0) continue;
          if (q >= 3 && (y & 0xffff0000) === 0) continue;
          if (popcount(x) + popcount(y) <= d) result.push([i, j]);
        }
      }
    }
  }
  return result;
}
