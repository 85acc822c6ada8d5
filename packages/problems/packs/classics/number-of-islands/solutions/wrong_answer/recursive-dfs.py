# @expect runtime_error
# Correct on small maps, but one call per cell of an island passes Python's recursion limit on large ones.
def numIslands(grid):
    seen = set()

    def sink(r, c):
        if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[r]) or (r, c) in seen or grid[r][c] != "1":
            return
        seen.add((r, c))
        sink(r + 1, c)
        sink(r - 1, c)
        sink(r, c + 1)
        sink(r, c - 1)

    islands = 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if (r, c) not in seen and grid[r][c] == "1":
                islands += 1
                sink(r, c)
    return islands
