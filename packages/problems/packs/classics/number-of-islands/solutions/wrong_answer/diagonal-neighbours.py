# Counts cells touching at a corner as connected.
def numIslands(grid):
    m, n = len(grid), len(grid[0])
    seen = [[False] * n for _ in range(m)]
    islands = 0
    for r in range(m):
        for c in range(n):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            islands += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:
                y, x = stack.pop()
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < m and 0 <= nx < n and grid[ny][nx] == "1" and not seen[ny][nx]:
                            seen[ny][nx] = True
                            stack.append((ny, nx))
    return islands
