# Counts what each candidate flags once, then scans the candidates from the lowest threshold up for
# every target: O(n log n + q · n).
def lowestThresholds(scores, labels, targets):
    items = sorted(zip(scores, labels), reverse=True)
    candidates = []  # (threshold, tp, flagged), highest threshold first
    tp = 0
    for i, (score, label) in enumerate(items):
        tp += label
        if i + 1 < len(items) and items[i + 1][0] == score:
            continue
        candidates.append((score, tp, i + 1))
    candidates.reverse()
    result = []
    for x in targets:
        answer = -1
        for t, hits, flagged in candidates:
            if 10000 * hits >= x * flagged:
                answer = t
                break
        result.append(answer)
    return result
