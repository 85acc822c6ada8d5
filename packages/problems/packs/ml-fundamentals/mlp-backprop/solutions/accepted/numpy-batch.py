# @idiomatic
# numpy: the forward pass for the whole batch, then the chain rule backwards layer by layer.
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
    dW2 = H.T @ dZ
    db2 = dZ.sum(axis=0)
    dA = (dZ @ W2.T) * (A > 0)
    dW1 = X.T @ dA
    db1 = dA.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
