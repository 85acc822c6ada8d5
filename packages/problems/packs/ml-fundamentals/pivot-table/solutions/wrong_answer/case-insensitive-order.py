# Mistake: sorts the keys case-insensitively (key=str.lower), so "apple" comes before "Banana";
# the rule is plain code-unit order, where every upper-case letter comes before every lower-case one.
from collections import defaultdict


def pivotTable(records, aggregate, fillValue):
    sums = defaultdict(float)
    counts = defaultdict(int)
    for r in records:
        sums[(r["row"], r["column"])] += r["value"]
        counts[(r["row"], r["column"])] += 1
    rows = sorted({row for row, _ in counts}, key=str.lower)
    columns = sorted({column for _, column in counts}, key=str.lower)
    values = []
    for row in rows:
        line = []
        for column in columns:
            key = (row, column)
            if key not in counts:
                line.append(fillValue)
            elif aggregate == "sum":
                line.append(sums[key])
            elif aggregate == "mean":
                line.append(sums[key] / counts[key])
            else:
                line.append(counts[key])
        values.append(line)
    return {"rows": rows, "columns": columns, "values": values}
