# Maps a value unseen in training to the first category of its column (dict.get with a default)
# instead of leaving the column's block all zeros.
def oneHotEncode(columns, train, test):
    features = []
    index = []
    for j, name in enumerate(columns):
        mapping = {}
        for category in sorted({row[j] for row in train}):
            mapping[category] = len(features)
            features.append(f"{name}_{category}")
        index.append(mapping)
    first = [min(m.values()) for m in index]

    def encode(row):
        return [index[j].get(value, first[j]) for j, value in enumerate(row)]

    return {"features": features, "train": [encode(r) for r in train], "test": [encode(r) for r in test]}
