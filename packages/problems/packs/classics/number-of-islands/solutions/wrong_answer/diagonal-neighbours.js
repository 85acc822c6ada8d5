// Counts cells touching at a corner as connected.
function numIslands(grid) {
  const m = grid.length;
  const n = grid[0].length;
  const seen = grid.map((row) => new Uint8Array(row.length));
  let islands = 0;
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      if (seen[r][c] || grid[r][c] !== '1') continue;
      islands++;
      const stack = [[r, c]];
      seen[r][c] = 1;
      while (stack.length) {
        const [y, x] = stack.pop();
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const ny = y + dy;
            const nx = x + dx;
            if (ny < 0 || nx < 0 || ny >= m || nx >= n || seen[ny][nx] || grid[ny][nx] !== '1') continue;
            seen[ny][nx] = 1;
            stack.push([ny, nx]);
          }
        }
      }
    }
  }
  return islands;
}
