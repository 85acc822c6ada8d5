# @idiomatic
# Sort the examples by score, give tied scores the average of their ranks, and turn the positives' rank
# sum into the Mann–Whitney U statistic.
def rocAuc(labels, scores):
    items = sorted(zip(scores, labels))
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return 0.5
    rank_sum = 0.0
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2  # ranks i + 1 .. j
        rank_sum += average_rank * sum(label for _, label in items[i:j])
        i = j
    u = rank_sum - positives * (positives + 1) / 2
    return u / (positives * negatives)
