# @idiomatic
# Counter of words per class, a dict of smoothed log-likelihoods per class, and for each test document
# the log prior plus the log-likelihoods of its known tokens; max over classes keeps the first
# (smallest) class on a tie.
import math
from collections import Counter


def naiveBayesPredict(trainDocs, trainLabels, numClasses, vocabulary, alpha, testDocs):
    vocab = set(vocabulary)
    V = len(vocab)
    doc_count = [0] * numClasses
    word_counts = [Counter() for _ in range(numClasses)]
    for doc, label in zip(trainDocs, trainLabels):
        doc_count[label] += 1
        word_counts[label].update(doc)
    log_prior = [math.log(n / len(trainDocs)) for n in doc_count]
    log_likelihood = []
    log_unseen = []
    for c in range(numClasses):
        denominator = sum(word_counts[c].values()) + alpha * V
        log_likelihood.append({w: math.log((n + alpha) / denominator) for w, n in word_counts[c].items()})
        log_unseen.append(math.log(alpha / denominator))
    predictions = []
    for doc in testDocs:
        known = Counter(w for w in doc if w in vocab)
        scores = []
        for c in range(numClasses):
            table = log_likelihood[c]
            score = log_prior[c]
            for w, n in known.items():
                score += n * table.get(w, log_unseen[c])
            scores.append(score)
        predictions.append(max(range(numClasses), key=lambda c: scores[c]))
    return predictions
