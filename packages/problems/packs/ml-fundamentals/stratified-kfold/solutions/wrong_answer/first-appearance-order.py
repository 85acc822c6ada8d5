# Takes the classes in the order they first appear (a dict keeps insertion order) instead of ascending
# label order, so the turn reaches each class at a different fold.
def stratifiedKFold(labels, k):
    members = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    folds = [[] for _ in range(k)]
    position = 0
    for label in members:
        for i in members[label]:
            folds[position % k].append(i)
            position += 1
    return [sorted(fold) for fold in folds]
