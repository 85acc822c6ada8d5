# Merges islands by relabelling every cell of one label to the other: O((m·n)^2) on big islands.
def numIslands(grid):
    m, n = len(grid), len(grid[0])
    label = [-1] * (m * n)
    next_label = 0
    islands = 0
    for r in range(m):
        for c in range(n):
            if grid[r][c] != "1":
                continue
            cell = r * n + c
            label[cell] = next_label
            next_label += 1
            islands += 1
            neighbours = []
            if r > 0 and grid[r - 1][c] == "1":
                neighbours.append(cell - n)
            if c > 0 and grid[r][c - 1] == "1":
                neighbours.append(cell - 1)
            for other in neighbours:
                old, new = label[other], label[cell]
                if old == new:
                    continue
                for i in range(cell + 1):
                    if label[i] == old:
                        label[i] = new
                islands -= 1
    return islands
