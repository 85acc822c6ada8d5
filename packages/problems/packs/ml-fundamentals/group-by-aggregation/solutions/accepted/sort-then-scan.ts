// Stable-sorts record indices by key, aggregates each run of equal keys, then orders the groups:
// O(n log n).
interface Row {
  key: string;
  count: number;
  sum: number;
  mean: number;
  min: number;
  max: number;
}

function aggregateByKey(records: { key: string; value: number }[], limit: number): Row[] {
  const order = records.map((_, i) => i);
  order.sort((a, b) => {
    const ka = records[a].key;
    const kb = records[b].key;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  const groups: Row[] = [];
  let i = 0;
  while (i < order.length) {
    const key = records[order[i]].key;
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (; i < order.length && records[order[i]].key === key; i++) {
      const value = records[order[i]].value;
      count++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    groups.push({ key, count, sum, mean: sum / count, min, max });
  }
  // groups is in key order already; a stable sort by count keeps it within equal counts.
  groups.sort((a, b) => b.count - a.count);
  return groups.slice(0, limit);
}
