# Too slow: for every cell of the grid it scans all the records again, O(rows · columns · n).
def pivotTable(records, aggregate, fillValue):
    rows = sorted({r["row"] for r in records})
    columns = sorted({r["column"] for r in records})
    values = []
    for row in rows:
        line = []
        for column in columns:
            matching = [r["value"] for r in records if r["row"] == row and r["column"] == column]
            if not matching:
                line.append(fillValue)
            elif aggregate == "count":
                line.append(len(matching))
            elif aggregate == "mean":
                line.append(sum(matching) / len(matching))
            else:
                line.append(sum(matching))
        values.append(line)
    return {"rows": rows, "columns": columns, "values": values}
