# Trusts the elimination pass: returns its survivor without checking it, so a party with no celebrity
# still gets an answer.
def findCelebrity(n):
    candidate = 0
    for i in range(1, n):
        if knows(candidate, i):
            candidate = i
    return candidate
