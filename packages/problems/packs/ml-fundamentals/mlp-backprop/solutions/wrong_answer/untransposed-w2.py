# @expect runtime_error
# Back-propagates through the output layer with dZ @ W2 instead of dZ @ W2.T: on a square W2 (as many
# hidden units as classes) the shapes fit and the values are silently wrong; any other shape fails.
import numpy as np


def mlpBackprop(X, y, W1, b1, W2, b2):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=int)
    W1 = np.array(W1, dtype=float)
    b1 = np.array(b1, dtype=float)
    W2 = np.array(W2, dtype=float)
    b2 = np.array(b2, dtype=float)
    n = X.shape[0]
    A = X @ W1 + b1
    H = np.maximum(A, 0)
    Z = H @ W2 + b2
    Z = Z - Z.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(Z).sum(axis=1))
    rows = np.arange(n)
    loss = (log_sum - Z[rows, y]).mean()
    dZ = np.exp(Z - log_sum[:, None])
    dZ[rows, y] -= 1
    dZ /= n
    dA = (dZ @ W2) * (A > 0)
    return {"loss": float(loss), "dW1": X.T @ dA, "db1": dA.sum(axis=0), "dW2": H.T @ dZ, "db2": dZ.sum(axis=0)}
