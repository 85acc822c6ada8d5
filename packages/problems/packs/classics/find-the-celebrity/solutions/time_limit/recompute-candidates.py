# Keeps every answer it has been given and, before each question, recomputes from all of them who could
# still be the celebrity, then asks about the first two. Only 3n - 3 questions, but the recomputation
# scans every person against every stored fact each round: O(n^3).
def findCelebrity(n):
    facts = []
    while True:
        possible = []
        for p in range(n):
            ruled_out = False
            for a, b, yes in facts:
                if (a == p and yes) or (b == p and not yes):
                    ruled_out = True
                    break
            if not ruled_out:
                possible.append(p)
        if len(possible) <= 1:
            break
        a, b = possible[0], possible[1]
        facts.append((a, b, knows(a, b)))
    candidate = -1
    for p in range(n):
        if not any((a == p and yes) or (b == p and not yes) for a, b, yes in facts):
            candidate = p
            break
    for i in range(n):
        if i != candidate and (knows(candidate, i) or not knows(i, candidate)):
            return -1
    return candidate
