/**
 * One pass with a Map from key to running totals, then a sort of the distinct groups: O(n + g log g).
 * @param {{ key: string, value: number }[]} records
 * @param {number} limit
 * @return {{ key: string, count: number, sum: number, mean: number, min: number, max: number }[]}
 */
function aggregateByKey(records, limit) {
  const groups = new Map();
  for (const { key, value } of records) {
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { key, count: 1, sum: value, mean: 0, min: value, max: value });
    } else {
      group.count++;
      group.sum += value;
      if (value < group.min) group.min = value;
      if (value > group.max) group.max = value;
    }
  }
  const result = [...groups.values()];
  result.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const top = result.slice(0, limit);
  for (const group of top) group.mean = group.sum / group.count;
  return top;
}
