# Uses the summed gradient instead of the average over the n samples.
import numpy as np


def trainLogistic(X, y, weights, bias, learningRate, epochs):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    w = np.array(weights, dtype=float)
    b = float(bias)
    for _ in range(epochs):
        error = 1 / (1 + np.exp(-(X @ w + b))) - y
        w = w - learningRate * (X.T @ error)
        b = b - learningRate * error.sum()
    return {"weights": w.tolist(), "bias": b}
