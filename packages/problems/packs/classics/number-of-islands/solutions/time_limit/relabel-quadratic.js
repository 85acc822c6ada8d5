// Merges islands by relabelling every cell of one label to the other: O((m·n)^2) on big islands.
function numIslands(grid) {
  const m = grid.length;
  const n = grid[0].length;
  const label = new Int32Array(m * n).fill(-1);
  let next = 0;
  let islands = 0;
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      if (grid[r][c] !== '1') continue;
      const cell = r * n + c;
      label[cell] = next++;
      islands++;
      const neighbours = [];
      if (r > 0 && grid[r - 1][c] === '1') neighbours.push(cell - n);
      if (c > 0 && grid[r][c - 1] === '1') neighbours.push(cell - 1);
      for (const other of neighbours) {
        const from = label[other];
        const to = label[cell];
        if (from === to) continue;
        for (let i = 0; i <= cell; i++) if (label[i] === from) label[i] = to;
        islands--;
      }
    }
  }
  return islands;
}
