# For every distinct score, rescans all examples to count the true and false positives at that
# threshold: O(n · distinct scores).
def averagePrecision(labels, scores):
    positives = sum(labels)
    if positives == 0:
        return 0.0
    previous_recall = 0.0
    ap = 0.0
    for t in sorted(set(scores), reverse=True):
        predicted = sum(1 for s in scores if s >= t)
        true_positives = sum(y for s, y in zip(scores, labels) if s >= t)
        recall = true_positives / positives
        ap += (recall - previous_recall) * true_positives / predicted
        previous_recall = recall
    return ap
