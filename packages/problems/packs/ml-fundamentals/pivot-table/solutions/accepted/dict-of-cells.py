# @idiomatic
# Sums and counts per (row, column) pair in a dict, then the grid over the sorted keys.
def pivotTable(records, aggregate, fillValue):
    cells = {}
    for r in records:
        key = (r["row"], r["column"])
        total, count = cells.get(key, (0.0, 0))
        cells[key] = (total + r["value"], count + 1)
    rows = sorted({row for row, _ in cells})
    columns = sorted({column for _, column in cells})
    values = []
    for row in rows:
        line = []
        for column in columns:
            if (row, column) not in cells:
                line.append(fillValue)
                continue
            total, count = cells[(row, column)]
            if aggregate == "sum":
                line.append(total)
            elif aggregate == "mean":
                line.append(total / count)
            else:
                line.append(count)
        values.append(line)
    return {"rows": rows, "columns": columns, "values": values}
