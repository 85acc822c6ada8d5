# Mistake: a missing (row, column) cell is 0 instead of fillValue.
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
            total, count = cells.get((row, column), (0.0, 0))
            if aggregate == "count":
                line.append(count)
            elif aggregate == "mean":
                line.append(total / count if count else 0.0)
            else:
                line.append(total)
        values.append(line)
    return {"rows": rows, "columns": columns, "values": values}
