# @idiomatic
# numpy: each epoch predicts every sample with one matrix product, then takes the mean gradient.
import numpy as np


def trainLogistic(X, y, weights, bias, learningRate, epochs):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    w = np.array(weights, dtype=float)
    b = float(bias)
    n = len(y)
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        error = p - y
        w = w - learningRate * (X.T @ error) / n
        b = b - learningRate * error.sum() / n
    return {"weights": w.tolist(), "bias": b}
