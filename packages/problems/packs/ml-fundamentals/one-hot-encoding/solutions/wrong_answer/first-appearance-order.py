# Orders each column's categories by their first appearance in train (dict insertion order), as
# pandas' factorize does, instead of sorting them.
def oneHotEncode(columns, train, test):
    features = []
    index = []
    for j, name in enumerate(columns):
        mapping = {}
        for row in train:
            if row[j] not in mapping:
                mapping[row[j]] = len(features)
                features.append(f"{name}_{row[j]}")
        index.append(mapping)

    def encode(row):
        return [index[j][value] for j, value in enumerate(row) if value in index[j]]

    return {"features": features, "train": [encode(r) for r in train], "test": [encode(r) for r in test]}
