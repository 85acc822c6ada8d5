# numpy: bin indices from floor(p · B), then np.bincount for the counts and the per-bin sums.
import numpy as np


def calibrationReport(labels, probabilities, numBins):
    y = np.asarray(labels, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    n = len(y)
    ids = np.minimum(numBins - 1, np.floor(p * numBins)).astype(int)
    counts = np.bincount(ids, minlength=numBins)
    sum_p = np.bincount(ids, weights=p, minlength=numBins)
    sum_y = np.bincount(ids, weights=y, minlength=numBins)
    bins = []
    ece = 0.0
    for count, sp, sy in zip(counts.tolist(), sum_p.tolist(), sum_y.tolist()):
        if count == 0:
            bins.append({"count": 0, "meanPredicted": None, "fractionPositive": None})
        else:
            bins.append({"count": count, "meanPredicted": sp / count, "fractionPositive": sy / count})
            ece += abs(sy - sp) / n
    return {"brier": float(np.mean((p - y) ** 2)), "ece": ece, "bins": bins}
