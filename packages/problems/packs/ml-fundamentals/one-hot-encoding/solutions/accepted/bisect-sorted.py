# Sorted categories per column and bisect per cell: O(cells · log categories).
from bisect import bisect_left


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
            cats = categories[j]
            k = bisect_left(cats, value)
            if k < len(cats) and cats[k] == value:
                hot.append(offsets[j] + k)
        return hot

    return {"features": features, "train": list(map(encode, train)), "test": list(map(encode, test))}
