"""Chapter 6, `gradients_from_signals(values, signals)`: every layer's (g_w, g_b) from the signals."""

ANSWERS = [
    ("book", "pass", '''
def gradients_from_signals(values, signals):
    return [weight_gradients(signals[l], values[l]) for l in range(len(signals))]
'''),
    ("zip", "pass", '''
def gradients_from_signals(values, signals):
    pairs = []
    for below, delta in zip(values[:-1], signals):
        pairs.append(weight_gradients(delta, below))
    return pairs
'''),
    ("by hand, tuple", "pass", '''
def gradients_from_signals(values, signals):
    out = []
    for l, delta in enumerate(signals):
        a, d = np.atleast_2d(values[l]), np.atleast_2d(delta)
        out.append((a.T @ d / len(a), d.mean(axis=0)))
    return tuple(out)
'''),
    ("values one layer up", "which values feed this layer", '''
def gradients_from_signals(values, signals):
    return [weight_gradients(signals[l], values[l + 1]) for l in range(len(signals))]
'''),
    ("arguments swapped", "transposed", '''
def gradients_from_signals(values, signals):
    return [weight_gradients(values[l], signals[l]) for l in range(len(signals))]
'''),
    ("output side first", "reverse order", '''
def gradients_from_signals(values, signals):
    return [weight_gradients(signals[l], values[l]) for l in reversed(range(len(signals)))]
'''),
    ("two layers only", "one pair per layer", '''
def gradients_from_signals(values, signals):
    return [weight_gradients(signals[0], values[0]), weight_gradients(signals[1], values[1])]
'''),
    ("bias gradients zero", "g_b is all 0", '''
def gradients_from_signals(values, signals):
    return [(weight_gradients(signals[l], values[l])[0], np.zeros(np.shape(signals[l])[-1]))
            for l in range(len(signals))]
'''),
    ("bias gradients summed", "5 times the right value|times the right value", '''
def gradients_from_signals(values, signals):
    pairs = []
    for l in range(len(signals)):
        g_w, _ = weight_gradients(signals[l], values[l])
        pairs.append((g_w, np.atleast_2d(signals[l]).sum(axis=0)))
    return pairs
'''),
    ("one item only", "g_w is wrong", '''
def gradients_from_signals(values, signals):
    return [(np.outer(np.atleast_2d(values[l])[0], np.atleast_2d(signals[l])[0]), np.atleast_2d(signals[l])[0])
            for l in range(len(signals))]
'''),
]
