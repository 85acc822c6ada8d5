# Takes the summed weight of the mistakes as the error without dividing by the total weight, which is
# only right when the given weights already sum to 1.
import math


def adaboostRound(predictions, y, weights):
    errors = [sum(w for w, p, t in zip(weights, h, y) if p != t) for h in predictions]
    best = min(errors)
    learner = next(j for j, e in enumerate(errors) if e <= best + 1e-9)
    eps = min(max(errors[learner], 1e-10), 1 - 1e-10)
    alpha = 0.5 * math.log((1 - eps) / eps)
    updated = [w * math.exp(-alpha * t * p) for w, p, t in zip(weights, predictions[learner], y)]
    s = sum(updated)
    return {"learner": learner, "error": errors[learner], "alpha": alpha, "weights": [w / s for w in updated]}
