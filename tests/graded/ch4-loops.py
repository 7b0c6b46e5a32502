"""Chapter 4, `weight_gradients_loops(signals, inputs)`: the pair (g_w, g_b) with plain loops."""

ANSWERS = [
    ("book", "pass", '''
def weight_gradients_loops(signals, inputs):
    n_items, n_in = inputs.shape
    n_nodes = signals.shape[1]
    g_w, g_b = np.zeros((n_in, n_nodes)), np.zeros(n_nodes)
    for n in range(n_items):
        for b in range(n_nodes):
            for a in range(n_in):
                g_w[a, b] += signals[n, b] * inputs[n, a] / n_items
            g_b[b] += signals[n, b] / n_items
    return g_w, g_b
'''),
    ("nested lists, summed then divided", "pass", '''
def weight_gradients_loops(signals, inputs):
    N = len(inputs)
    g_w = [[sum(inputs[n][a] * signals[n][b] for n in range(N)) / N for b in range(len(signals[0]))]
           for a in range(len(inputs[0]))]
    g_b = [sum(signals[n][b] for n in range(N)) / N for b in range(len(signals[0]))]
    return np.array(g_w), np.array(g_b)
'''),
    ("itertools.product, running sums", "pass", '''
def weight_gradients_loops(signals, inputs):
    from itertools import product
    n_items, n_in, n_nodes = len(inputs), len(inputs[0]), len(signals[0])
    g_w = np.zeros((n_in, n_nodes))
    g_b = np.zeros(n_nodes)
    for n, a, b in product(range(n_items), range(n_in), range(n_nodes)):
        g_w[a, b] += inputs[n][a] * signals[n][b]
    for n, b in product(range(n_items), range(n_nodes)):
        g_b[b] += signals[n][b]
    return g_w / n_items, g_b / n_items
'''),
    ("calls weight_gradients", "without calling `weight_gradients`", '''
def weight_gradients_loops(signals, inputs):
    for _ in range(1):
        return weight_gradients(signals, inputs)
'''),
    ("no loops at all", "should use plain Python loops", '''
def weight_gradients_loops(signals, inputs):
    return inputs.T @ signals / len(inputs), signals.mean(axis=0)
'''),
    ("vectorised, and a comprehension for show", "matrix product", '''
def weight_gradients_loops(signals, inputs):
    g_b = np.array([signals[:, b].mean() for b in range(signals.shape[1])])
    return inputs.T @ signals / len(inputs), g_b
'''),
    ("an alias of weight_gradients", "without calling `weight_gradients`", '''
def weight_gradients_loops(signals, inputs, _wg=weight_gradients):
    for _ in range(1):
        pass
    return _wg(signals, inputs)
'''),
    ("sum, not mean", "sum over items", '''
def weight_gradients_loops(signals, inputs):
    g_w, g_b = np.zeros((inputs.shape[1], signals.shape[1])), np.zeros(signals.shape[1])
    for n in range(len(inputs)):
        for a in range(inputs.shape[1]):
            for b in range(signals.shape[1]):
                g_w[a, b] += inputs[n, a] * signals[n, b]
        g_b += signals[n]
    return g_w, g_b
'''),
    ("transposed", "transposed", '''
def weight_gradients_loops(signals, inputs):
    N = len(inputs)
    g_w, g_b = np.zeros((signals.shape[1], inputs.shape[1])), np.zeros(signals.shape[1])
    for n in range(N):
        for b in range(signals.shape[1]):
            for a in range(inputs.shape[1]):
                g_w[b, a] += signals[n, b] * inputs[n, a] / N
            g_b[b] += signals[n, b] / N
    return g_w, g_b
'''),
    ("divides the caller's inputs in place", "changed its argument `inputs`", '''
def weight_gradients_loops(signals, inputs):
    inputs /= len(inputs)
    g_w, g_b = np.zeros((inputs.shape[1], signals.shape[1])), np.zeros(signals.shape[1])
    for n in range(len(inputs)):
        for a in range(inputs.shape[1]):
            for b in range(signals.shape[1]):
                g_w[a, b] += inputs[n, a] * signals[n, b]
        g_b += signals[n] / len(inputs)
    return g_w, g_b
'''),
    ("returns g_w only", "should return the pair (g_w, g_b)", '''
def weight_gradients_loops(signals, inputs):
    N = len(inputs)
    g_w = np.zeros((inputs.shape[1], signals.shape[1]))
    for n in range(N):
        for a in range(inputs.shape[1]):
            for b in range(signals.shape[1]):
                g_w[a, b] += inputs[n, a] * signals[n, b] / N
    return g_w
'''),
    ("bias gradients summed", "g_b", '''
def weight_gradients_loops(signals, inputs):
    N = len(inputs)
    g_w, g_b = np.zeros((inputs.shape[1], signals.shape[1])), np.zeros(signals.shape[1])
    for n in range(N):
        for a in range(inputs.shape[1]):
            for b in range(signals.shape[1]):
                g_w[a, b] += inputs[n, a] * signals[n, b] / N
        g_b += signals[n]
    return g_w, g_b
'''),
    ("hard-coded shape", "g_w has shape|raised IndexError", '''
def weight_gradients_loops(signals, inputs):
    g_w, g_b = np.zeros((3, 2)), np.zeros(2)
    for n in range(5):
        for a in range(3):
            for b in range(2):
                g_w[a, b] += inputs[n, a] * signals[n, b] / 5
        g_b += signals[n] / 5
    return g_w, g_b
'''),
]
