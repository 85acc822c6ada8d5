# Keeps pairs whose distance is strictly below d, dropping the ones exactly at d.
from collections import defaultdict


def findSimilarImages(hashes, d):
    values = [int(h, 16) for h in hashes]
    found = set()
    for q in range(4):
        buckets = defaultdict(list)
        for i, h in enumerate(hashes):
            buckets[h[q * 4 : q * 4 + 4]].append(i)
        for group in buckets.values():
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    i, j = group[a], group[b]
                    if bin(values[i] ^ values[j]).count("1") < d:
                        found.add((i, j))
    return [list(pair) for pair in found]
