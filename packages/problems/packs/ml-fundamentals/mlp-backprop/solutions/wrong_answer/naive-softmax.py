# Unstable softmax: exponentiates the raw logits, so a logit above ~709 overflows to inf and the
# probabilities become inf / inf = nan (and the loss -log(0) = inf when a probability underflows).
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
    E = np.exp(H @ W2 + b2)
    P = E / E.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    loss = -np.log(P[rows, y]).mean()
    dZ = P.copy()
    dZ[rows, y] -= 1
    dZ /= n
    dA = (dZ @ W2.T) * (A > 0)
    return {"loss": float(loss), "dW1": X.T @ dA, "db1": dA.sum(axis=0), "dW2": H.T @ dZ, "db2": dZ.sum(axis=0)}
