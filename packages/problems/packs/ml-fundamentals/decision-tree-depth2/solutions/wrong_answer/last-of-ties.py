# Lets a split as good as the best one replace it (>= instead of >), so ties go to the largest
# feature and threshold instead of the smallest.
from collections import Counter
from math import log2


def entropy(counts, size):
    return -sum(c / size * log2(c / size) for c in counts.values() if c > 0)


def best_split(X, y, rows):
    n = len(rows)
    total = Counter(y[i] for i in rows)
    parent = entropy(total, n)
    best = None
    for f in range(len(X[0])):
        order = sorted(rows, key=lambda i: X[i][f])
        left, right = Counter(), Counter(total)
        for k in range(n - 1):
            label = y[order[k]]
            left[label] += 1
            right[label] -= 1
            a, b = X[order[k]][f], X[order[k + 1]][f]
            if a == b:
                continue
            nl = k + 1
            gain = parent - nl / n * entropy(left, nl) - (n - nl) / n * entropy(right, n - nl)
            if best is None or gain >= best["gain"] - 1e-9:
                best = {"feature": f, "threshold": (a + b) / 2, "gain": gain}
    return best if best is not None and best["gain"] > 1e-9 else None


def majority(y, rows):
    counts = Counter(y[i] for i in rows)
    return min(counts, key=lambda label: (-counts[label], label))


def build(X, y, rows, depth):
    split = best_split(X, y, rows) if depth < 2 else None
    if split is None:
        return {"label": majority(y, rows)}
    f, t = split["feature"], split["threshold"]
    split["left"] = build(X, y, [i for i in rows if X[i][f] <= t], depth + 1)
    split["right"] = build(X, y, [i for i in rows if X[i][f] > t], depth + 1)
    return split


def predict(node, q):
    while "label" not in node:
        node = node["left"] if q[node["feature"]] <= node["threshold"] else node["right"]
    return node["label"]


def fitDepth2Tree(X, y, queries):
    root = build(X, y, list(range(len(y))), 0)
    predictions = [predict(root, q) for q in queries]
    if "label" in root:
        return {"feature": -1, "threshold": 0.0, "gain": 0.0, "predictions": predictions}
    return {"feature": root["feature"], "threshold": root["threshold"], "gain": root["gain"], "predictions": predictions}
