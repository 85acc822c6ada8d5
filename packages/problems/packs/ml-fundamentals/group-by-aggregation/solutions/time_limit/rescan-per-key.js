// Collects the distinct keys, then rescans every record for each of them: O(n · g).
function aggregateByKey(records, limit) {
  const keys = [...new Set(records.map((r) => r.key))];
  const result = [];
  for (const key of keys) {
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const r of records) {
      if (r.key !== key) continue;
      count++;
      sum += r.value;
      if (r.value < min) min = r.value;
      if (r.value > max) max = r.value;
    }
    result.push({ key, count, sum, mean: sum / count, min, max });
  }
  result.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return result.slice(0, limit);
}
