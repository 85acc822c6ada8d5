// Starts min and max at 0 instead of the group's first value: wrong when a group is all positive
// (min) or all negative (max).
function aggregateByKey(records, limit) {
  const groups = new Map();
  for (const { key, value } of records) {
    if (!groups.has(key)) groups.set(key, { key, count: 0, sum: 0, mean: 0, min: 0, max: 0 });
    const group = groups.get(key);
    group.count++;
    group.sum += value;
    group.min = Math.min(group.min, value);
    group.max = Math.max(group.max, value);
  }
  const result = [...groups.values()];
  for (const group of result) group.mean = group.sum / group.count;
  return result.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}
