# Simulates the schedule one interval at a time: at each step run the available task with the most
# copies left, or idle. Correct, but the answer (and so the loop) can reach about len · n intervals.
def leastInterval(tasks, n):
    remaining = [0] * 26
    for t in tasks:
        remaining[ord(t) - ord("A")] += 1
    ready_at = [0] * 26
    left = len(tasks)
    time = 0
    while left > 0:
        best = -1
        for k in range(26):
            if remaining[k] > 0 and ready_at[k] <= time and (best < 0 or remaining[k] > remaining[best]):
                best = k
        if best >= 0:
            remaining[best] -= 1
            ready_at[best] = time + n + 1
            left -= 1
        time += 1
    return time
