# @idiomatic
# Find the only possible celebrity in one pass, then check them against everyone else.
# knows(a, b) is provided by the judge.
def findCelebrity(n):
    candidate = 0
    for i in range(1, n):
        if knows(candidate, i):
            candidate = i
    for i in range(n):
        if i != candidate and (knows(candidate, i) or not knows(i, candidate)):
            return -1
    return candidate
