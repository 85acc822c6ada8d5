// @expect runtime_error
// Correct on small maps, but one call per cell of an island overflows the stack on large ones.
function numIslands(grid) {
  const seen = grid.map((row) => new Uint8Array(row.length));
  const sink = (r, c) => {
    if (r < 0 || c < 0 || r >= grid.length || c >= grid[r].length || seen[r][c] || grid[r][c] !== '1') return;
    seen[r][c] = 1;
    sink(r + 1, c);
    sink(r - 1, c);
    sink(r, c + 1);
    sink(r, c - 1);
  };
  let islands = 0;
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      if (!seen[r][c] && grid[r][c] === '1') {
        islands++;
        sink(r, c);
      }
    }
  }
  return islands;
}
