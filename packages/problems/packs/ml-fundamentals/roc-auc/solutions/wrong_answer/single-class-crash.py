# @expect runtime_error
# Correct with both classes present, but divides by zero when one class is missing.
def rocAuc(labels, scores):
    items = sorted(zip(scores, labels))
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum = 0.0
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0]:
            j += 1
        rank_sum += (i + 1 + j) / 2 * sum(label for _, label in items[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
