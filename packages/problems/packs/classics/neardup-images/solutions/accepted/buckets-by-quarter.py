# @idiomatic
# Two hashes at distance <= 3 agree on at least one of their four 4-digit quarters: bucket the images by
# each quarter in a dict, and compare the pairs inside each bucket. Python's ints hold all 64 bits, and a
# set keeps each pair once.
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
                    if bin(values[i] ^ values[j]).count("1") <= d:
                        found.add((i, j))
    return [list(pair) for pair in found]
