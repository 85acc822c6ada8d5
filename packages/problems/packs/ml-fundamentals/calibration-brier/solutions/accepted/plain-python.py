# @idiomatic
# Plain Python: one pass fills per-bin counts and sums, then each bin's means and its share of the ECE.
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
        brier += (p - y) ** 2
    ece = 0.0
    bins = []
    for count, sp, sy in zip(counts, sum_p, sum_y):
        if count == 0:
            bins.append({"count": 0, "meanPredicted": None, "fractionPositive": None})
            continue
        mean_p, frac = sp / count, sy / count
        ece += count / n * abs(frac - mean_p)
        bins.append({"count": count, "meanPredicted": mean_p, "fractionPositive": frac})
    return {"brier": brier / n, "ece": ece, "bins": bins}
