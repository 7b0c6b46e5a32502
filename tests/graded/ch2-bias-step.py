"""Chapter 2, `bias_step(b, delta, eta)`: the new biases after one step."""

ANSWERS = [
    ("book", "pass", '''
def bias_step(b, delta, eta):
    return b + eta * delta
'''),
    ("copy, then add", "pass", '''
def bias_step(b, delta, eta):
    new = np.array(b, dtype=float)
    new += eta * np.asarray(delta)
    return new
'''),
    ("node by node", "pass", '''
def bias_step(b, delta, eta):
    return np.array([b_k + eta * d_k for b_k, d_k in zip(b, delta)])
'''),
    ("wrong sign", "wrong sign", '''
def bias_step(b, delta, eta):
    return b - eta * delta
'''),
    ("no learning rate", "learning rate is missing", '''
def bias_step(b, delta, eta):
    return b + delta
'''),
    ("the delta alone", "the delta alone", '''
def bias_step(b, delta, eta):
    return eta * delta
'''),
    ("changes b", "changed its argument `b`", '''
def bias_step(b, delta, eta):
    b += eta * delta
    return b
'''),
    ("changes delta", "changed its argument `delta`", '''
def bias_step(b, delta, eta):
    delta *= eta
    return b + delta
'''),
    ("hard-coded", "wrong values|returned shape", '''
def bias_step(b, delta, eta):
    return np.array([0.6, -1.7])
'''),
    ("squared rate", "something is squared", '''
def bias_step(b, delta, eta):
    return b + eta ** 2 * delta
'''),
    ("clipped step", "wrong values", '''
def bias_step(b, delta, eta):
    return b + np.clip(eta * delta, -1.5, 1.5)
'''),
    ("numbers as strings", "should return numbers", '''
def bias_step(b, delta, eta):
    return [repr(float(v)) for v in b + eta * delta]
'''),
]
