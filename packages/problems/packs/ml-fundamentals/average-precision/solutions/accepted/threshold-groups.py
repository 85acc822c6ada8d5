# @idiomatic
# Sorts the examples by score, highest first, and walks the distinct scores: each group of tied
# scores is one threshold, which adds (recall gained) × (precision at that threshold).
def averagePrecision(labels, scores):
    positives = sum(labels)
    if positives == 0:
        return 0.0
    items = sorted(zip(scores, labels), reverse=True)
    true_positives = 0
    previous_recall = 0.0
    ap = 0.0
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0]:
            true_positives += items[j][1]
            j += 1
        recall = true_positives / positives
        ap += (recall - previous_recall) * true_positives / j
        previous_recall = recall
        i = j
    return ap
