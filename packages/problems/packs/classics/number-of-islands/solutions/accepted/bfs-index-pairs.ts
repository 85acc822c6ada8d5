// @idiomatic
// Breadth-first search with a queue of [row, col] pairs read through a head index, marking visited land
// in a copy of the grid as arrays of characters.
function numIslands(grid: string[]): number {
  const cells: string[][] = grid.map((row) => row.split(''));
  const directions = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ];
  let count = 0;
  for (let i = 0; i < cells.length; i++) {
    for (let j = 0; j < cells[i].length; j++) {
      if (cells[i][j] !== '1') continue;
      count++;
      cells[i][j] = '0';
      const queue: [number, number][] = [[i, j]];
      let head = 0;
      while (head < queue.length) {
        const [r, c] = queue[head++];
        for (const [dr, dc] of directions) {
          const nr = r + dr;
          const nc = c + dc;
          if (nr < 0 || nr >= cells.length || nc < 0 || nc >= cells[nr].length) continue;
          if (cells[nr][nc] === '1') {
            cells[nr][nc] = '0';
            queue.push([nr, nc]);
          }
        }
      }
    }
  }
  return count;
}
