# Scans all n examples once per bin with a list comprehension: O(n · B).
import math


def calibrationReport(labels, probabilities, numBins):
    n = len(labels)
    ids = [min(numBins - 1, math.floor(p * numBins)) for p in probabilities]
    brier = sum((p - y) ** 2 for y, p in zip(labels, probabilities)) / n
    ece = 0.0
    bins = []
    for b in range(numBins):
        members = [i for i in range(n) if ids[i] == b]
        if not members:
            bins.append({"count": 0, "meanPredicted": None, "fractionPositive": None})
            continue
        conf = sum(probabilities[i] for i in members) / len(members)
        acc = sum(labels[i] for i in members) / len(members)
        ece += len(members) / n * abs(acc - conf)
        bins.append({"count": len(members), "meanPredicted": conf, "fractionPositive": acc})
    return {"brier": brier, "ece": ece, "bins": bins}
