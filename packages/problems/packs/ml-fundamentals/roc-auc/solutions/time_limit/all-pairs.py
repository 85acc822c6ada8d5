# Compares every positive with every negative: O(P·N).
def rocAuc(labels, scores):
    pos = [s for s, y in zip(scores, labels) if y == 1]
    neg = [s for s, y in zip(scores, labels) if y == 0]
    if not pos or not neg:
        return 0.5
    total = 0.0
    for p in pos:
        for q in neg:
            if p > q:
                total += 1
            elif p == q:
                total += 0.5
    return total / (len(pos) * len(neg))
