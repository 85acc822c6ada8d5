# Treats every example as its own threshold: sorting (score, label) pairs in reverse puts a positive
# before the negatives tied with it, so tied scores inflate the precision.
def averagePrecision(labels, scores):
    positives = sum(labels)
    if positives == 0:
        return 0.0
    total = 0.0
    true_positives = 0
    for k, (_, label) in enumerate(sorted(zip(scores, labels), reverse=True)):
        if label == 1:
            true_positives += 1
            total += true_positives / (k + 1)
    return total / positives
