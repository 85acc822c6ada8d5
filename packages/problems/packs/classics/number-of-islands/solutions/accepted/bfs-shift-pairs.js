// @idiomatic
// Breadth-first search from every unvisited land cell, with a queue of [r, c] pairs taken with shift(),
// and a grid of booleans for the cells already seen.
function numIslands(grid) {
  const rows = grid.length;
  const cols = grid[0].length;
  const seen = grid.map((row) => new Array(row.length).fill(false));
  let islands = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== '1' || seen[r][c]) continue;
      islands++;
      seen[r][c] = true;
      const queue = [[r, c]];
      while (queue.length > 0) {
        const [x, y] = queue.shift();
        for (const [dx, dy] of [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ]) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && nx < rows && ny >= 0 && ny < cols && grid[nx][ny] === '1' && !seen[nx][ny]) {
            seen[nx][ny] = true;
            queue.push([nx, ny]);
          }
        }
      }
    }
  }
  return islands;
}
