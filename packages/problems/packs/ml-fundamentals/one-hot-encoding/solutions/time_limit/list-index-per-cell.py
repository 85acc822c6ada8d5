# Finds each cell's category with a membership test and list.index over the column's sorted
# categories: O(cells · categories).
def oneHotEncode(columns, train, test):
    features, categories, offsets = [], [], []
    for j, name in enumerate(columns):
        cats = sorted(set(row[j] for row in train))
        categories.append(cats)
        offsets.append(len(features))
        features.extend(name + "_" + c for c in cats)

    def encode(row):
        hot = []
        for j, value in enumerate(row):
            if value in categories[j]:
                hot.append(offsets[j] + categories[j].index(value))
        return hot

    return {"features": features, "train": [encode(r) for r in train], "test": [encode(r) for r in test]}
