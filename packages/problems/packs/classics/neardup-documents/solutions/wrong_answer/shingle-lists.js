// Treats each document's shingles as a list, not a set: a shingle repeated inside a document counts
// once per occurrence in the sizes and in the shared counts.
function findNearDuplicates(docs, k, thresholdPercent) {
  const n = docs.length;
  const ids = new Map();
  const postings = [];
  const shingles = [];
  for (let d = 0; d < n; d++) {
    const words = docs[d] === '' ? [] : docs[d].split(' ');
    const own = [];
    for (let s = 0; s + k <= words.length; s++) {
      const key = words.slice(s, s + k).join(' ');
      let id = ids.get(key);
      if (id === undefined) {
        id = postings.length;
        ids.set(key, id);
        postings.push([]);
      }
      own.push(id);
    }
    shingles.push(own);
  }
  const shared = new Int32Array(n);
  const result = [];
  for (let d = 0; d < n; d++) {
    const touched = [];
    for (const id of shingles[d]) {
      for (const other of postings[id]) {
        if (other === d) continue;
        if (shared[other]++ === 0) touched.push(other);
      }
      postings[id].push(d);
    }
    for (const other of touched) {
      const inter = shared[other];
      shared[other] = 0;
      const union = shingles[d].length + shingles[other].length - inter;
      if (100 * inter >= thresholdPercent * union) result.push([other, d]);
    }
  }
  return result;
}
