# pandas: pivot_table does the grouping, the aggregation, the sorting of both axes and the filling.
import pandas as pd


def pivotTable(records, aggregate, fillValue):
    if not records:
        return {"rows": [], "columns": [], "values": []}
    df = pd.DataFrame(records)
    table = df.pivot_table(index="row", columns="column", values="value", aggfunc=aggregate)
    table = table.fillna(fillValue)
    return {
        "rows": [str(k) for k in table.index],
        "columns": [str(k) for k in table.columns],
        "values": table.to_numpy(dtype=float).tolist(),
    }
