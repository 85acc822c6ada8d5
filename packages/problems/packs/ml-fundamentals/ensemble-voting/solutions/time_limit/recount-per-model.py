# For every sample, recounts each model's label over all the models: O(m² · n), hopeless with many
# models.
def ensembleVote(predictions, weights):
    m, n = len(predictions), len(predictions[0])
    majority, weighted = [], []
    for i in range(n):
        column = [predictions[j][i] for j in range(m)]
        best_votes, best_label, best_score = -1, -1, -1
        score_of = []
        for label in column:
            votes = column.count(label)
            score = sum(weights[o] for o in range(m) if column[o] == label)
            score_of.append(score)
            if votes > best_votes or (votes == best_votes and label < best_label):
                best_votes, best_label = votes, label
            best_score = max(best_score, score)
        majority.append(best_label)
        chosen = -1
        for j in range(m):
            if score_of[j] == best_score and (chosen < 0 or weights[j] > weights[chosen]):
                chosen = j
        weighted.append(column[chosen])
    return {"majority": majority, "weighted": weighted}
