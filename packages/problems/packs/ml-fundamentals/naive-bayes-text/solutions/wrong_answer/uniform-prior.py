# Leaves out the class prior (as if every class were equally frequent): with short documents the
# frequency of a class matters, and an empty document falls to class 0 instead of the most frequent.
import math
from collections import Counter


def naiveBayesPredict(trainDocs, trainLabels, numClasses, vocabulary, alpha, testDocs):
    vocab = set(vocabulary)
    V = len(vocab)
    word_counts = [Counter() for _ in range(numClasses)]
    for doc, label in zip(trainDocs, trainLabels):
        word_counts[label].update(doc)
    totals = [sum(counts.values()) for counts in word_counts]
    predictions = []
    for doc in testDocs:
        scores = []
        for c in range(numClasses):
            score = 0.0
            for w in doc:
                if w in vocab:
                    score += math.log((word_counts[c][w] + alpha) / (totals[c] + alpha * V))
            scores.append(score)
        predictions.append(max(range(numClasses), key=lambda c: scores[c]))
    return predictions
