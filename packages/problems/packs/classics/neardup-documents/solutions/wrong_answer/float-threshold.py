# Tests the threshold as inter / union * 100 >= thresholdPercent in floating point: a pair exactly at
# the threshold can round just below it (29 / 50 * 100 = 57.99999999999999).
from collections import Counter, defaultdict


def findNearDuplicates(docs, k, thresholdPercent):
    sets = []
    for doc in docs:
        words = doc.split()
        sets.append({tuple(words[s : s + k]) for s in range(len(words) - k + 1)})
    index = defaultdict(list)
    result = []
    for d, own in enumerate(sets):
        shared = Counter()
        for shingle in own:
            for other in index[shingle]:
                shared[other] += 1
            index[shingle].append(d)
        for other, inter in shared.items():
            union = len(own) + len(sets[other]) - inter
            if inter / union * 100 >= thresholdPercent:
                result.append([other, d])
    return result
