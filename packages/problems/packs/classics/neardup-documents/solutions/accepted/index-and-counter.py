# @idiomatic
# A dict from each shingle (a tuple of words) to the documents holding it; for every document, a
# Counter of how many shingles it shares with each earlier one.
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
            if inter * 100 >= thresholdPercent * union:
                result.append([other, d])
    return result
