# Reasons that the elimination already showed the candidate knows nobody after it, but also skips
# asking whether the candidate knows anyone before it.
def findCelebrity(n):
    candidate = 0
    for i in range(1, n):
        if knows(candidate, i):
            candidate = i
    for i in range(n):
        if i != candidate and not knows(i, candidate):
            return -1
    return candidate
