"""Chapter 7, `two_hidden_backward(x, t, weights, biases)`: a logistic and a tanh hidden layer, softmax outputs,
cross-entropy."""

ANSWERS = [
    ("book", "pass", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], a2, "tanh")
    d1 = hidden_signals(d2, weights[1], a1, "logistic")
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("plain numpy, batch and item", "pass", '''
def two_hidden_backward(x, t, weights, biases):
    X, T = np.atleast_2d(x), np.atleast_2d(t)
    h1 = 1 / (1 + np.exp(-(X @ weights[0] + biases[0])))
    h2 = np.tanh(h1 @ weights[1] + biases[1])
    z = h2 @ weights[2] + biases[2]
    o = np.exp(z - z.max(axis=1, keepdims=True))
    o /= o.sum(axis=1, keepdims=True)
    d3 = T - o
    d2 = (d3 @ weights[2].T) * (1 - h2 ** 2)
    d1 = (d2 @ weights[1].T) * h1 * (1 - h1)
    n = len(X)
    return [(a.T @ d / n, d.mean(axis=0)) for a, d in [(X, d1), (h1, d2), (h2, d3)]]
'''),
    ("a loop over the layers", "pass", '''
def two_hidden_backward(x, t, weights, biases):
    activations = [logistic, tanh]
    names = ["logistic", "tanh"]
    values = [x]
    for l in range(2):
        values.append(activations[l](values[-1] @ weights[l] + biases[l]))
    values.append(softmax(values[-1] @ weights[2] + biases[2]))
    delta = output_signals(t, values[-1], output="softmax", error="cross_entropy")
    pairs = []
    for l in (2, 1, 0):
        pairs.insert(0, weight_gradients(delta, values[l]))
        if l:
            delta = hidden_signals(delta, weights[l], values[l], activation=names[l - 1])
    return pairs
'''),
    ("calls backward", "without calling `backward`", '''
def two_hidden_backward(x, t, weights, biases):
    return backward(x, t, weights, biases, "logistic", "softmax", "cross_entropy")
'''),
    ("tanh in both layers", "the first hidden layer is logistic", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], a2, "tanh")
    d1 = hidden_signals(d2, weights[1], a1, "tanh")
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("derivatives swapped", "swapped", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], a2, "logistic")
    d1 = hidden_signals(d2, weights[1], a1, "tanh")
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("overwrites t", "changed its argument `t`", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = t
    d3 -= o
    d2 = hidden_signals(d3, weights[2], a2, "tanh")
    d1 = hidden_signals(d2, weights[1], a1, "logistic")
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("missing f prime", "miss the activation's derivative", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = d3 @ weights[2].T
    d1 = d2 @ weights[1].T
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("f prime of the output", "instead of its sum", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = (d3 @ weights[2].T) * (1 - tanh(a2) ** 2)
    d1 = (d2 @ weights[1].T) * logistic(a1) * (1 - logistic(a1))
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("sum instead of mean", "sum over items", '''
def two_hidden_backward(x, t, weights, biases):
    X, T = np.atleast_2d(x), np.atleast_2d(t)
    a1 = logistic(X @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    d3 = T - softmax(a2 @ weights[2] + biases[2])
    d2 = hidden_signals(d3, weights[2], a2, "tanh")
    d1 = hidden_signals(d2, weights[1], a1, "logistic")
    return [(a.T @ d, d.sum(axis=0)) for a, d in [(X, d1), (a1, d2), (a2, d3)]]
'''),
    ("zero bias gradients", "bias gradients are all 0", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], a2, "tanh")
    d1 = hidden_signals(d2, weights[1], a1, "logistic")
    return [(weight_gradients(d, v)[0], np.zeros(w.shape[1]))
            for d, v, w in [(d1, x, weights[0]), (d2, a1, weights[1]), (d3, a2, weights[2])]]
'''),
    ("batch only", "one item (1-D x and t)", '''
def two_hidden_backward(x, t, weights, biases):
    h1 = logistic(x @ weights[0] + biases[0])
    h2 = tanh(h1 @ weights[1] + biases[1])
    d3 = t - softmax(h2 @ weights[2] + biases[2])
    d2 = (d3 @ weights[2].T) * (1 - h2 ** 2)
    d1 = (d2 @ weights[1].T) * h1 * (1 - h1)
    n = x.shape[0]
    return [(a.T @ d / n, d.sum(axis=0) / n) for a, d in [(x, d1), (h1, d2), (h2, d3)]]
'''),
    ("signals without the weights", "without the weights", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = np.sum(d3, axis=-1, keepdims=True) * (1 - a2 ** 2)
    d1 = np.sum(d2, axis=-1, keepdims=True) * a1 * (1 - a1)
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("wrong layer's weights", "differ from back-propagation", '''
def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    a2 = tanh(a1 @ weights[1] + biases[1])
    o = softmax(a2 @ weights[2] + biases[2])
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], a2, "tanh")
    d1 = hidden_signals(d2, weights[1] * 0.5, a1, "logistic")
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]
'''),
    ("backward through an alias, layer by layer", "without calling `backward`", '''
_bw = backward


def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    top = _bw(a1, t, weights[1:], biases[1:], "tanh")
    d2 = top[0][1]
    d1 = (d2 @ weights[1].T) * a1 * (1 - a1)
    return [weight_gradients(d1, x)] + list(top)
'''),
]
