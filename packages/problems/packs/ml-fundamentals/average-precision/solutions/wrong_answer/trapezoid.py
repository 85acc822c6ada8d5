# Integrates the precision-recall curve with the trapezoidal rule (starting from precision 1 at recall
# 0) instead of the step sum, which is optimistic.
def averagePrecision(labels, scores):
    positives = sum(labels)
    if positives == 0:
        return 0.0
    items = sorted(zip(scores, labels), reverse=True)
    true_positives = 0
    previous_recall, previous_precision = 0.0, 1.0
    area = 0.0
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0]:
            true_positives += items[j][1]
            j += 1
        recall, precision = true_positives / positives, true_positives / j
        area += (recall - previous_recall) * (precision + previous_precision) / 2
        previous_recall, previous_precision = recall, precision
        i = j
    return area
