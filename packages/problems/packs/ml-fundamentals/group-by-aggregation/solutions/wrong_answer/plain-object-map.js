// @expect wrong_answer, runtime_error
// Groups in a plain object: keys such as "constructor" or "__proto__" hit Object.prototype.
function aggregateByKey(records, limit) {
  const groups = {};
  for (const { key, value } of records) {
    if (!groups[key]) groups[key] = { key, count: 0, sum: 0, mean: 0, min: value, max: value };
    const group = groups[key];
    group.count++;
    group.sum += value;
    group.min = Math.min(group.min, value);
    group.max = Math.max(group.max, value);
  }
  const result = Object.values(groups);
  for (const group of result) group.mean = group.sum / group.count;
  return result.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}
