/**
 * Each distinct shingle gets an integer id once; an inverted index maps it to the documents holding it.
 * For every document, walking the posting lists of its shingles counts, per earlier document, how many
 * shingles the two share, so only pairs that share something are ever touched.
 * @param {string[]} docs
 * @param {number} k
 * @param {number} thresholdPercent
 * @return {number[][]}
 */
function findNearDuplicates(docs, k, thresholdPercent) {
  const n = docs.length;
  const ids = new Map();
  const postings = [];
  const shingles = [];
  for (let d = 0; d < n; d++) {
    const words = docs[d] === '' ? [] : docs[d].split(' ');
    const own = new Set();
    for (let s = 0; s + k <= words.length; s++) {
      const key = words.slice(s, s + k).join(' ');
      let id = ids.get(key);
      if (id === undefined) {
        id = postings.length;
        ids.set(key, id);
        postings.push([]);
      }
      own.add(id);
    }
    shingles.push(Array.from(own));
  }
  const shared = new Int32Array(n);
  const touched = new Int32Array(n);
  const result = [];
  for (let d = 0; d < n; d++) {
    let count = 0;
    for (const id of shingles[d]) {
      const list = postings[id];
      for (let p = 0; p < list.length; p++) {
        const other = list[p];
        if (shared[other]++ === 0) touched[count++] = other;
      }
      list.push(d);
    }
    const size = shingles[d].length;
    for (let c = 0; c < count; c++) {
      const other = touched[c];
      const inter = shared[other];
      shared[other] = 0;
      const union = size + shingles[other].length - inter;
      if (100 * inter >= thresholdPercent * union) result.push([other, d]);
    }
  }
  return result;
}
