// @idiomatic
// Aggregate each key's records in a Map, then sort the groups by count and key and keep the first ones.
function aggregateByKey(records, limit) {
  const groups = new Map();
  for (const { key, value } of records) {
    if (!groups.has(key)) groups.set(key, { key, count: 0, sum: 0, min: value, max: value });
    const g = groups.get(key);
    g.count++;
    g.sum += value;
    g.min = Math.min(g.min, value);
    g.max = Math.max(g.max, value);
  }
  const result = [...groups.values()].map((g) => ({
    key: g.key,
    count: g.count,
    sum: g.sum,
    mean: g.sum / g.count,
    min: g.min,
    max: g.max,
  }));
  result.sort((a, b) => {
    if (a.count !== b.count) return b.count - a.count;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return result.slice(0, limit);
}
