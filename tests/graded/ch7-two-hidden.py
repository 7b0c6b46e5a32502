"""Chapter 7, `two_hidden_backward(x, t, weights, biases)`: two tanh hidden layers, softmax, cross-entropy."""

ANSWERS = [
    ("book", "pass", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], v2, "tanh")
    d1 = hidden_signals(d2, weights[1], v1, "tanh")
    return [weight_gradients(d1, v0), weight_gradients(d2, v1), weight_gradients(d3, v2)]
'''),
    ("plain numpy, batch and item", "pass", '''
def two_hidden_backward(x, t, weights, biases):
    X, T = np.atleast_2d(x), np.atleast_2d(t)
    h1 = np.tanh(X @ weights[0] + biases[0])
    h2 = np.tanh(h1 @ weights[1] + biases[1])
    z = h2 @ weights[2] + biases[2]
    o = np.exp(z - z.max(axis=1, keepdims=True))
    o /= o.sum(axis=1, keepdims=True)
    d3 = T - o
    d2 = (d3 @ weights[2].T) * (1 - h2 ** 2)
    d1 = (d2 @ weights[1].T) * (1 - h1 ** 2)
    n = len(X)
    return [(a.T @ d / n, d.mean(axis=0)) for a, d in [(X, d1), (h1, d2), (h2, d3)]]
'''),
    ("a loop over the layers", "pass", '''
def two_hidden_backward(x, t, weights, biases):
    values = forward(x, weights, biases, hidden="tanh", output="softmax")
    delta = output_signals(t, values[-1], output="softmax", error="cross_entropy")
    pairs = []
    for l in (2, 1, 0):
        pairs.insert(0, weight_gradients(delta, values[l]))
        if l:
            delta = hidden_signals(delta, weights[l], values[l], activation="tanh")
    return pairs
'''),
    ("calls backward", "without calling `backward`", '''
def two_hidden_backward(x, t, weights, biases):
    return backward(x, t, weights, biases, "tanh", "softmax", "cross_entropy")
'''),
    ("overwrites t", "changed its argument `t`", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = t
    d3 -= o
    d2 = hidden_signals(d3, weights[2], v2, "tanh")
    d1 = hidden_signals(d2, weights[1], v1, "tanh")
    return [weight_gradients(d1, v0), weight_gradients(d2, v1), weight_gradients(d3, v2)]
'''),
    ("missing f prime", "derivative", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = d3 @ weights[2].T
    d1 = d2 @ weights[1].T
    return [weight_gradients(d1, v0), weight_gradients(d2, v1), weight_gradients(d3, v2)]
'''),
    ("f prime of the output", "instead of its sum", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = (d3 @ weights[2].T) * (1 - np.tanh(v2) ** 2)
    d1 = (d2 @ weights[1].T) * (1 - np.tanh(v1) ** 2)
    return [weight_gradients(d1, v0), weight_gradients(d2, v1), weight_gradients(d3, v2)]
'''),
    ("sum instead of mean", "sum over items", '''
def two_hidden_backward(x, t, weights, biases):
    X, T = np.atleast_2d(x), np.atleast_2d(t)
    v0, v1, v2, o = forward(X, weights, biases, "tanh", "softmax")
    d3 = T - o
    d2 = hidden_signals(d3, weights[2], v2, "tanh")
    d1 = hidden_signals(d2, weights[1], v1, "tanh")
    return [(a.T @ d, d.sum(axis=0)) for a, d in [(v0, d1), (v1, d2), (v2, d3)]]
'''),
    ("zero bias gradients", "bias gradients are all 0", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], v2, "tanh")
    d1 = hidden_signals(d2, weights[1], v1, "tanh")
    return [(weight_gradients(d, v)[0], np.zeros(w.shape[1])) for d, v, w in [(d1, v0, weights[0]),
                                                                             (d2, v1, weights[1]),
                                                                             (d3, v2, weights[2])]]
'''),
    ("batch only", "one item (1-D x and t)", '''
def two_hidden_backward(x, t, weights, biases):
    h1 = np.tanh(x @ weights[0] + biases[0])
    h2 = np.tanh(h1 @ weights[1] + biases[1])
    o = softmax(h2 @ weights[2] + biases[2])
    d3 = t - o
    d2 = (d3 @ weights[2].T) * (1 - h2 ** 2)
    d1 = (d2 @ weights[1].T) * (1 - h1 ** 2)
    n = x.shape[0]
    return [(a.T @ d / n, d.sum(axis=0) / n) for a, d in [(x, d1), (h1, d2), (h2, d3)]]
'''),
    ("signals without the weights", "without the weights", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = np.sum(d3, axis=-1, keepdims=True) * (1 - v2 ** 2)
    d1 = np.sum(d2, axis=-1, keepdims=True) * (1 - v1 ** 2)
    return [weight_gradients(d1, v0), weight_gradients(d2, v1), weight_gradients(d3, v2)]
'''),
    ("wrong layer's weights", "differ from back-propagation", '''
def two_hidden_backward(x, t, weights, biases):
    v0, v1, v2, o = forward(x, weights, biases, "tanh", "softmax")
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], v2, "tanh")
    d1 = hidden_signals(d2, weights[1] * 0.5, v1, "tanh")
    return [weight_gradients(d1, v0), weight_gradients(d2, v1), weight_gradients(d3, v2)]
'''),
]
