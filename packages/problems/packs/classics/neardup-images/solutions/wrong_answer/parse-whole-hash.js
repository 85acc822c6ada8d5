// Buckets by the four 16-bit quarters correctly, but verifies a candidate with parseInt(h, 16) of the
// whole hash: above 2^53 the low bits are rounded away, so hashes that differ only there look closer (or
// farther) than they are.
function findSimilarImages(hashes, d) {
  const n = hashes.length;
  const quarters = [0, 1, 2, 3].map((q) => hashes.map((h) => h.slice(4 * q, 4 * q + 4)));
  const values = hashes.map((h) => parseInt(h, 16));
  const hi = values.map((v) => Math.floor(v / 2 ** 32) | 0);
  const lo = values.map((v) => (v % 2 ** 32) | 0);
  const popcount = (x) => {
    x = (x - ((x >>> 1) & 0x55555555)) | 0;
    x = ((x & 0x33333333) + ((x >>> 2) & 0x33333333)) | 0;
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const result = [];
  for (let q = 0; q < 4; q++) {
    const buckets = new Map();
    quarters[q].forEach((key, i) => {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [i]);
      else bucket.push(i);
    });
    for (const bucket of buckets.values()) {
      for (let a = 0; a < bucket.length; a++) {
        for (let b = a + 1; b < bucket.length; b++) {
          const i = bucket[a];
          const j = bucket[b];
          let earlier = false;
          for (let p = 0; p < q && !earlier; p++) earlier = quarters[p][i] === quarters[p][j];
          if (earlier) continue;
          if (popcount(hi[i] ^ hi[j]) + popcount(lo[i] ^ lo[j]) <= d) result.push([i, j]);
        }
      }
    }
  }
  return result;
}
