# Compares every pair of hashes: O(n^2) distance computations, 5 × 10^9 of them at n = 10^5.
def findSimilarImages(hashes, d):
    values = [int(h, 16) for h in hashes]
    result = []
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if bin(values[i] ^ values[j]).count("1") <= d:
                result.append([i, j])
    return result
