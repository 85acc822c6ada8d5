# Bins with np.digitize against the edges np.linspace(0, 1, B + 1): those edges are rounded
# differently from p · B (the edge 0.3 is 0.30000000000000004), so p = 0.3 with B = 10 falls into
# bin 2 instead of bin 3.
import numpy as np


def calibrationReport(labels, probabilities, numBins):
    y = np.asarray(labels, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    n = len(y)
    edges = np.linspace(0, 1, numBins + 1)
    ids = np.clip(np.digitize(p, edges) - 1, 0, numBins - 1)
    counts = np.bincount(ids, minlength=numBins)
    sum_p = np.bincount(ids, weights=p, minlength=numBins)
    sum_y = np.bincount(ids, weights=y, minlength=numBins)
    bins = []
    ece = 0.0
    for count, sp, sy in zip(counts.tolist(), sum_p.tolist(), sum_y.tolist()):
        if count == 0:
            bins.append({"count": 0, "meanPredicted": None, "fractionPositive": None})
            continue
        ece += count / n * abs(sy / count - sp / count)
        bins.append({"count": count, "meanPredicted": sp / count, "fractionPositive": sy / count})
    return {"brier": float(np.mean((p - y) ** 2)), "ece": ece, "bins": bins}
