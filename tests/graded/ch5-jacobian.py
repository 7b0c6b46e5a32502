"""Chapter 5, `signals_by_jacobian(T, O, kind)`: softmax output signals through the Jacobian, for a batch."""

ANSWERS = [
    ("book", "pass", '''
def signals_by_jacobian(T, O, kind):
    return -np.einsum("nm,nmk->nk", error_derivative(T, O, kind, "softmax"), softmax_jacobian(O))
'''),
    ("matmul per item", "pass", '''
def signals_by_jacobian(T, O, kind):
    dE_do = error_derivative(T, O, kind, "softmax")
    return -np.stack([d @ J for d, J in zip(dE_do, softmax_jacobian(O))])
'''),
    ("batched matmul", "pass", '''
def signals_by_jacobian(T, O, kind):
    return -(error_derivative(T, O, kind=kind, output="softmax")[:, None, :] @ softmax_jacobian(O))[:, 0, :]
'''),
    ("calls output_signals", "without calling `output_signals`", '''
def signals_by_jacobian(T, O, kind):
    return output_signals(T, O, "softmax", kind)
'''),
    ("no minus sign", "wrong sign", '''
def signals_by_jacobian(T, O, kind):
    return np.einsum("nm,nmk->nk", error_derivative(T, O, kind, "softmax"), softmax_jacobian(O))
'''),
    ("diagonal only", "per-node rule", '''
def signals_by_jacobian(T, O, kind):
    J = softmax_jacobian(O)
    return -error_derivative(T, O, kind, "softmax") * np.einsum("nkk->nk", J)
'''),
    ("divided by N", "divided by the number of items", '''
def signals_by_jacobian(T, O, kind):
    return -np.einsum("nm,nmk->nk", error_derivative(T, O, kind, "softmax"), softmax_jacobian(O)) / len(T)
'''),
    ("kind ignored", "pass `kind` on", '''
def signals_by_jacobian(T, O, kind):
    return -np.einsum("nm,nmk->nk", error_derivative(T, O, "cross_entropy", "softmax"), softmax_jacobian(O))
'''),
    ("one item only", "returned shape", '''
def signals_by_jacobian(T, O, kind):
    return -error_derivative(T[0], O[0], kind, "softmax") @ softmax_jacobian(O[0])
'''),
    ("mean over items", "returned shape", '''
def signals_by_jacobian(T, O, kind):
    return -np.einsum("nm,nmk->k", error_derivative(T, O, kind, "softmax"), softmax_jacobian(O)) / len(T)
'''),
    ("an alias of output_signals", "without calling `output_signals`", '''
_signals = output_signals


def signals_by_jacobian(T, O, kind):
    return _signals(T, O, "softmax", kind)
'''),
    ("closed forms, no Jacobian", "never calls", '''
def signals_by_jacobian(T, O, kind):
    if kind == "cross_entropy":
        return T - O
    d = T - O
    return O * (d - np.sum(d * O, axis=1, keepdims=True))
'''),
]
