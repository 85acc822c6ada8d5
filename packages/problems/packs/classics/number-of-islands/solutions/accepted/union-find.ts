// Union-find with path halving and union by size: near-linear, no recursion.
function numIslands(grid: string[]): number {
  const m = grid.length;
  const n = m === 0 ? 0 : grid[0].length;
  const parent = new Int32Array(m * n);
  const size = new Int32Array(m * n).fill(1);
  let islands = 0;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (size[ra] < size[rb]) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] += size[rb];
    islands--;
  };
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      if (grid[r].charCodeAt(c) !== 49) continue;
      const cell = r * n + c;
      parent[cell] = cell;
      islands++;
      if (r > 0 && grid[r - 1].charCodeAt(c) === 49) union(cell, cell - n);
      if (c > 0 && grid[r].charCodeAt(c - 1) === 49) union(cell, cell - 1);
    }
  }
  return islands;
}
