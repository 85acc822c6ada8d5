# @idiomatic
# Weighted errors of all learners at once with a mistake mask, then the clamped alpha and the update.
import numpy as np


def adaboostRound(predictions, y, weights):
    H = np.array(predictions, dtype=np.int64).reshape(len(predictions), len(y))
    y = np.array(y)
    w = np.array(weights, dtype=float)
    errors = ((H != y) @ w) / w.sum()
    learner = int(np.argmax(errors <= errors.min() + 1e-9))
    error = float(errors[learner])
    eps = min(max(error, 1e-10), 1 - 1e-10)
    alpha = 0.5 * np.log((1 - eps) / eps)
    updated = w * np.exp(-alpha * y * H[learner])
    return {"learner": learner, "error": error, "alpha": float(alpha), "weights": updated / updated.sum()}
