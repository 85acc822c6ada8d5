# Multiplies the probabilities instead of adding their logs: on a long document the product underflows
# to 0.0 for every class, all classes tie, and the smallest class is predicted.
from collections import Counter


def naiveBayesPredict(trainDocs, trainLabels, numClasses, vocabulary, alpha, testDocs):
    vocab = set(vocabulary)
    V = len(vocab)
    doc_count = [0] * numClasses
    word_counts = [Counter() for _ in range(numClasses)]
    for doc, label in zip(trainDocs, trainLabels):
        doc_count[label] += 1
        word_counts[label].update(doc)
    totals = [sum(counts.values()) for counts in word_counts]
    predictions = []
    for doc in testDocs:
        scores = []
        for c in range(numClasses):
            p = doc_count[c] / len(trainDocs)
            for w in doc:
                if w in vocab:
                    p *= (word_counts[c][w] + alpha) / (totals[c] + alpha * V)
            scores.append(p)
        predictions.append(max(range(numClasses), key=lambda c: scores[c]))
    return predictions
