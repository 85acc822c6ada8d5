# Compares every pair of documents, building both shingle sets for each comparison: O(n^2 · L).
def findNearDuplicates(docs, k, thresholdPercent):
    def shingles(doc):
        words = doc.split()
        return {tuple(words[s : s + k]) for s in range(len(words) - k + 1)}

    result = []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            a, b = shingles(docs[i]), shingles(docs[j])
            if not a and not b:
                continue
            inter = len(a & b)
            union = len(a | b)
            if inter * 100 >= thresholdPercent * union:
                result.append([i, j])
    return result
