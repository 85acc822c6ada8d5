# Unstable softmax: exponentiates the raw logits, so a logit above ~709 overflows to inf and the
# probabilities become inf / inf = nan (and the loss -log(0) = inf when a probability underflows).
import numpy as np


def softmaxStep(X, y, W, b, learningRate, l2):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=int)
    W = np.array(W, dtype=float)
    b = np.array(b, dtype=float)
    n = X.shape[0]
    E = np.exp(X @ W + b)
    P = E / E.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    loss = -np.log(P[rows, y]).mean() + l2 / 2 * (W ** 2).sum()
    P[rows, y] -= 1
    grad_W = X.T @ P / n + l2 * W
    grad_b = P.sum(axis=0) / n
    return {"W": (W - learningRate * grad_W).tolist(), "b": (b - learningRate * grad_b).tolist(), "loss": float(loss)}
