// Orders the report by key alone, ignoring the count.
function aggregateByKey(records, limit) {
  const groups = new Map();
  for (const { key, value } of records) {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, count: 1, sum: value, mean: 0, min: value, max: value });
    else {
      group.count++;
      group.sum += value;
      group.min = Math.min(group.min, value);
      group.max = Math.max(group.max, value);
    }
  }
  const result = [...groups.values()];
  for (const group of result) group.mean = group.sum / group.count;
  return result.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}
