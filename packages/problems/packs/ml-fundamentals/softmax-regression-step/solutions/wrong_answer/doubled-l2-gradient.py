# Differentiates (l2 / 2) · ||W||² as 2 · l2 · W (the derivative of l2 · ||W||²), so the gradient does
# not match the loss it reports.
import numpy as np


def softmaxStep(X, y, W, b, learningRate, l2):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=int)
    W = np.array(W, dtype=float)
    b = np.array(b, dtype=float)
    n = X.shape[0]
    Z = X @ W + b
    Z = Z - Z.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(Z).sum(axis=1))
    rows = np.arange(n)
    loss = (log_sum - Z[rows, y]).mean() + l2 / 2 * (W ** 2).sum()
    P = np.exp(Z - log_sum[:, None])
    P[rows, y] -= 1
    grad_W = X.T @ P / n + 2 * l2 * W
    grad_b = P.sum(axis=0) / n
    return {"W": (W - learningRate * grad_W).tolist(), "b": (b - learningRate * grad_b).tolist(), "loss": float(loss)}
