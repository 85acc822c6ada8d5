// @idiomatic
// Two hashes at distance <= 3 agree on at least one of their four 4-digit quarters: bucket the images by
// each quarter in a Map, and compare the pairs inside each bucket. A hash is kept as two 32-bit halves
// (parseInt of 8 hex digits each), since 64 bits do not fit in a number; a Set keeps each pair once.
function findSimilarImages(hashes, d) {
  const high = hashes.map((h) => parseInt(h.slice(0, 8), 16));
  const low = hashes.map((h) => parseInt(h.slice(8), 16));
  const bits = (x) => {
    let count = 0;
    while (x !== 0) {
      x &= x - 1;
      count++;
    }
    return count;
  };
  const found = new Set();
  const result = [];
  for (let q = 0; q < 4; q++) {
    const buckets = new Map();
    hashes.forEach((h, i) => {
      const key = h.slice(q * 4, q * 4 + 4);
      if (!buckets.has(key)) buckets.set(key, []);
      buckets.get(key).push(i);
    });
    for (const group of buckets.values()) {
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const i = group[a];
          const j = group[b];
          if (bits(high[i] ^ high[j]) + bits(low[i] ^ low[j]) > d) continue;
          const key = i * hashes.length + j;
          if (!found.has(key)) {
            found.add(key);
            result.push([i, j]);
          }
        }
      }
    }
  }
  return result;
}
