/**
 * Iterative flood fill over a flat visited array: O(m·n) time and memory, no recursion.
 * @param {string[]} grid
 * @return {number}
 */
function numIslands(grid) {
  const m = grid.length;
  const n = m === 0 ? 0 : grid[0].length;
  const seen = new Uint8Array(m * n);
  const stack = new Int32Array(m * n);
  let islands = 0;
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      const start = r * n + c;
      if (seen[start] || grid[r].charCodeAt(c) !== 49) continue;
      islands++;
      seen[start] = 1;
      let top = 0;
      stack[top++] = start;
      while (top > 0) {
        const cell = stack[--top];
        const row = (cell / n) | 0;
        const col = cell - row * n;
        // A neighbour is marked when pushed, so each cell enters the stack once.
        if (row > 0 && !seen[cell - n] && grid[row - 1].charCodeAt(col) === 49) {
          seen[cell - n] = 1;
          stack[top++] = cell - n;
        }
        if (row < m - 1 && !seen[cell + n] && grid[row + 1].charCodeAt(col) === 49) {
          seen[cell + n] = 1;
          stack[top++] = cell + n;
        }
        if (col > 0 && !seen[cell - 1] && grid[row].charCodeAt(col - 1) === 49) {
          seen[cell - 1] = 1;
          stack[top++] = cell - 1;
        }
        if (col < n - 1 && !seen[cell + 1] && grid[row].charCodeAt(col + 1) === 49) {
          seen[cell + 1] = 1;
          stack[top++] = cell + 1;
        }
      }
    }
  }
  return islands;
}
