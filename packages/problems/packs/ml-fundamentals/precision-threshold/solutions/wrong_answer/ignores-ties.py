# Walks the items one at a time in descending score order and takes the precision after each item,
# so a threshold shared by tied items is judged before all of them are flagged.
def lowestThresholds(scores, labels, targets):
    items = sorted(zip(scores, labels), reverse=True)
    lowest_at_level = [None] * 10001
    tp = 0
    for i, (score, label) in enumerate(items):
        tp += label
        level = 10000 * tp // (i + 1)
        if lowest_at_level[level] is None or score < lowest_at_level[level]:
            lowest_at_level[level] = score
    answer = [-1] * 10001
    best = None
    for level in range(10000, -1, -1):
        if lowest_at_level[level] is not None and (best is None or lowest_at_level[level] < best):
            best = lowest_at_level[level]
        answer[level] = -1 if best is None else best
    return [answer[x] for x in targets]
