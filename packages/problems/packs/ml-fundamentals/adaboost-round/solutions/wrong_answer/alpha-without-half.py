# Uses alpha = ln((1 − ε) / ε) without the factor 1/2 (the update e^(−alpha·y·h) then over-corrects).
import math


def adaboostRound(predictions, y, weights):
    total = sum(weights)
    errors = [sum(w for w, p, t in zip(weights, h, y) if p != t) / total for h in predictions]
    best = min(errors)
    learner = next(j for j, e in enumerate(errors) if e <= best + 1e-9)
    eps = min(max(errors[learner], 1e-10), 1 - 1e-10)
    alpha = math.log((1 - eps) / eps)
    updated = [w * math.exp(-alpha * t * p) for w, p, t in zip(weights, predictions[learner], y)]
    s = sum(updated)
    return {"learner": learner, "error": errors[learner], "alpha": alpha, "weights": [w / s for w in updated]}
