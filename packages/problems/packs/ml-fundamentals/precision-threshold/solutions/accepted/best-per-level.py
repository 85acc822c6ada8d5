# @idiomatic
# Sort the items by score, highest first, and compute the precision at each distinct score. A candidate
# reaches every target up to 10000 · TP // flagged; for each such level keep the lowest threshold, then
# a pass from the highest level down gives each target the lowest threshold reaching it.
def lowestThresholds(scores, labels, targets):
    items = sorted(zip(scores, labels), reverse=True)
    lowest_at_level = [None] * 10001
    tp = 0
    for i, (score, label) in enumerate(items):
        tp += label
        if i + 1 < len(items) and items[i + 1][0] == score:
            continue
        level = 10000 * tp // (i + 1)
        lowest_at_level[level] = score  # scores only go down, so the last one seen is the lowest
    answer = [-1] * 10001
    best = None
    for level in range(10000, -1, -1):
        if lowest_at_level[level] is not None and (best is None or lowest_at_level[level] < best):
            best = lowest_at_level[level]
        answer[level] = -1 if best is None else best
    return [answer[x] for x in targets]
