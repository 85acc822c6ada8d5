# Buckets by each 16-bit quarter but never removes repeats: a pair that agrees on several quarters is
# reported once per quarter.
from collections import defaultdict


def findSimilarImages(hashes, d):
    values = [int(h, 16) for h in hashes]
    result = []
    for q in range(4):
        buckets = defaultdict(list)
        for i, h in enumerate(hashes):
            buckets[h[q * 4 : q * 4 + 4]].append(i)
        for group in buckets.values():
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    i, j = group[a], group[b]
                    if bin(values[i] ^ values[j]).count("1") <= d:
                        result.append([i, j])
    return result
