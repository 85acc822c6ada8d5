# Counts only strict wins: a positive tied with a negative adds nothing instead of one half.
def rocAuc(labels, scores):
    items = sorted(zip(scores, labels))
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return 0.5
    wins = 0
    negatives_below = 0
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0]:
            j += 1
        group = [label for _, label in items[i:j]]
        wins += sum(group) * negatives_below
        negatives_below += len(group) - sum(group)
        i = j
    return wins / (positives * negatives)
