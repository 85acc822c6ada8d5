# Recounts every example for every threshold: O(n·q).
def precisionRecallF1(labels, scores, thresholds):
    total_positives = sum(labels)
    result = []
    for t in thresholds:
        tp = predicted = 0
        for score, label in zip(scores, labels):
            if score >= t:
                predicted += 1
                tp += label
        precision = tp / predicted if predicted else 0.0
        recall = tp / total_positives if total_positives else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result.append({"precision": precision, "recall": recall, "f1": f1})
    return result
