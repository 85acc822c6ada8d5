# @idiomatic
# One dict from category to feature index per column, fitted on the training rows only.
def oneHotEncode(columns, train, test):
    features = []
    index = []
    for j, name in enumerate(columns):
        mapping = {}
        for category in sorted({row[j] for row in train}):
            mapping[category] = len(features)
            features.append(f"{name}_{category}")
        index.append(mapping)

    def encode(row):
        return [index[j][value] for j, value in enumerate(row) if value in index[j]]

    return {"features": features, "train": [encode(r) for r in train], "test": [encode(r) for r in test]}
