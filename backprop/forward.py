# Generated — edit the notebook, not this file: chapters/01_the_goal.ipynb. `make export` rewrites it.
"""The goal: outputs that match the targets.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['logistic', 'tanh', 'relu', 'identity', 'softmax', 'HIDDEN_ACTIVATIONS', 'OUTPUT_ACTIVATIONS', 'check_array', 'check_name', 'check_pair', 'check_network', 'squared_error', 'cross_entropy', 'binary_cross_entropy', 'ERRORS', 'error', 'forward', 'check_layer_sizes', 'init_weights']


# --- chapters/01_the_goal.ipynb, cell 2 ---
import numpy as np


# --- chapters/01_the_goal.ipynb, cell 9 ---
def logistic(z):
    """Logistic activation, element by element, computed without overflow.

    Parameters
    ----------
    z : array_like
        Pre-activation sums.

    Returns
    -------
    ndarray
        σ(z) = 1 / (1 + exp(-z)), each value in [0, 1].
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1], never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(z):
    """Hyperbolic tangent activation, element by element.

    Parameters
    ----------
    z : array_like
        Pre-activation sums.

    Returns
    -------
    ndarray
        tanh(z), each value in [-1, 1].
    """
    return np.tanh(np.asarray(z, dtype=np.float64))


def relu(z):
    """Rectified linear activation max(0, z), element by element.

    Parameters
    ----------
    z : array_like
        Pre-activation sums.

    Returns
    -------
    ndarray
    """
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def identity(z):
    """Identity activation g(z) = z, as a new float64 array.

    Parameters
    ----------
    z : array_like
        Pre-activation sums.

    Returns
    -------
    ndarray
    """
    return np.array(z, dtype=np.float64)


def softmax(z):
    """Softmax over the last axis: o_k = exp(z_k) / Σ_m exp(z_m).

    The largest sum of each row is subtracted first: softmax is unchanged by the shift, and no exponent can overflow.

    Parameters
    ----------
    z : array_like
        Sums of one item (1-D) or of a batch (2-D, one item per row).

    Returns
    -------
    ndarray
        Probabilities of the same shape; each row sums to 1.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


HIDDEN_ACTIVATIONS = {"tanh": tanh, "logistic": logistic, "relu": relu}
OUTPUT_ACTIVATIONS = {"softmax": softmax, "logistic": logistic, "identity": identity}


# --- chapters/01_the_goal.ipynb, cell 14 ---
def check_array(name, a, ndim=(1, 2), width=None):
    """Return `a` as a float64 array, or raise an error naming the argument, what was expected and what was given."""
    try:
        array = np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of numbers, got {type(a).__name__}: {a!r:.60}") from None
    if array.ndim not in ndim:
        expected = " or ".join(f"{d}-D" for d in ndim)
        raise ValueError(f"{name} must be {expected}, got an array of shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape})")
    if width is not None and array.shape[-1] != width:
        raise ValueError(f"{name} must have {width} values per item (its last axis), got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains nan or inf; every value must be a finite number")
    return array


def check_name(name, value, choices):
    """Raise a ValueError unless `value` is one of `choices`; the message lists the valid ones."""
    if not isinstance(value, str) or value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name}={value!r} is not one of the supported values: {valid}")
    return value


def check_pair(t, o):
    """Check targets t and outputs o as arrays of the same shape; returns them as float64 arrays."""
    t, o = check_array("targets", t), check_array("outputs", o)
    if t.shape != o.shape:
        raise ValueError(f"targets and outputs must have the same shape, got {t.shape} and {o.shape}")
    return t, o


def check_network(weights, biases):
    """Check that a network's weights and biases fit together; returns them as lists of float64 arrays."""
    if not isinstance(weights, (list, tuple)) or not isinstance(biases, (list, tuple)):
        raise TypeError(f"weights and biases must be lists of arrays, got {type(weights).__name__} "
                        f"and {type(biases).__name__}")
    if len(weights) == 0 or len(weights) != len(biases):
        raise ValueError(f"weights and biases must be non-empty lists of the same length (one entry per layer), "
                         f"got {len(weights)} and {len(biases)}")
    weights = [check_array(f"weights[{l}]", w, ndim=(2,)) for l, w in enumerate(weights)]
    biases = [check_array(f"biases[{l}]", b, ndim=(1,), width=w.shape[1])
              for l, (w, b) in enumerate(zip(weights, biases))]
    for l in range(1, len(weights)):
        if weights[l].shape[0] != weights[l - 1].shape[1]:
            raise ValueError(f"weights[{l}] has shape {weights[l].shape}: its {weights[l].shape[0]} rows must match "
                             f"the {weights[l - 1].shape[1]} columns of weights[{l - 1}] {weights[l - 1].shape}")
    return weights, biases


# --- chapters/01_the_goal.ipynb, cell 16 ---
def squared_error(t, o):
    """Squared error E = ½ Σ_k (t_k − o_k)², averaged over the items of a batch.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs of the same shape: one item (1-D) or a batch (2-D, one item per row).

    Returns
    -------
    float
        The mean over items of the per-item error.
    """
    t, o = check_pair(t, o)
    return float(np.mean(0.5 * np.sum(np.atleast_2d(t - o) ** 2, axis=1)))


def _check_probabilities(o):
    if np.any((o < 0) | (o > 1)):
        raise ValueError("cross-entropy needs outputs in [0, 1] (probabilities from softmax or logistic), "
                         f"got values from {o.min():.4g} to {o.max():.4g}")


def _t_ln(t, o):
    """t · ln(o) element by element, with 0 · ln(o) = 0 even where o = 0."""
    with np.errstate(divide="ignore"):
        return np.where(t != 0, t * np.log(np.where(t != 0, o, 1.0)), 0.0)


def cross_entropy(t, o):
    """Cross-entropy E = −Σ_k t_k ln o_k for softmax outputs, averaged over the items of a batch.

    A term whose target is 0 counts as 0, even where o_k = 0.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs (probabilities in [0, 1]) of the same shape, one item per row for a batch.

    Returns
    -------
    float
    """
    t, o = check_pair(t, o)
    _check_probabilities(o)
    return float(np.mean(-np.sum(np.atleast_2d(_t_ln(t, o)), axis=1)))


def binary_cross_entropy(t, o):
    """Binary cross-entropy E = −Σ_k [t_k ln o_k + (1 − t_k) ln(1 − o_k)] for logistic outputs, averaged over items.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs (probabilities in [0, 1]) of the same shape, one item per row for a batch.

    Returns
    -------
    float
    """
    t, o = check_pair(t, o)
    _check_probabilities(o)
    return float(np.mean(-np.sum(np.atleast_2d(_t_ln(t, o) + _t_ln(1 - t, 1 - o)), axis=1)))


ERRORS = ("squared_error", "cross_entropy")


def error(t, o, kind="cross_entropy", output="softmax"):
    """The error of outputs against targets, for a given error function and output activation.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs of the same shape, one item per row for a batch.
    kind : {"cross_entropy", "squared_error"}
        The error function.
    output : {"softmax", "logistic", "identity"}
        The output activation: with cross-entropy it picks the categorical (softmax) or binary (logistic) form;
        identity with cross-entropy is refused.

    Returns
    -------
    float
        The mean over items of the per-item error.
    """
    check_name("error", kind, ERRORS)
    check_name("output", output, tuple(OUTPUT_ACTIVATIONS))
    if kind == "squared_error":
        return squared_error(t, o)
    if output == "identity":
        raise ValueError("cross_entropy needs probabilities: use it with a softmax or logistic output, "
                         "or use squared_error with an identity output")
    return cross_entropy(t, o) if output == "softmax" else binary_cross_entropy(t, o)


# --- chapters/01_the_goal.ipynb, cell 18 ---
def forward(x, weights, biases, hidden="tanh", output="softmax"):
    """The forward pass: the values of every layer, input first and outputs last.

    Each layer computes z = (previous values) @ W + b, then f(z) for hidden layers and g(z) for the last one.

    Parameters
    ----------
    x : array_like
        One item (1-D, n_in values) or a batch (2-D, one item per row).
    weights : list of 2-D arrays
        ``weights[l]`` of shape (nodes in layer l, nodes in layer l+1).
    biases : list of 1-D arrays
        ``biases[l]`` for the nodes of layer l+1.
    hidden : {"tanh", "logistic", "relu"}
        The hidden activation f.
    output : {"softmax", "logistic", "identity"}
        The output activation g.

    Returns
    -------
    list of ndarray
        ``[x, h, o]`` for one hidden layer (one more h per extra hidden layer).
    """
    weights, biases = check_network(weights, biases)
    f = HIDDEN_ACTIVATIONS[check_name("hidden", hidden, tuple(HIDDEN_ACTIVATIONS))]
    g = OUTPUT_ACTIVATIONS[check_name("output", output, tuple(OUTPUT_ACTIVATIONS))]
    values = [check_array("x", x, width=weights[0].shape[0])]
    for l, (w, b) in enumerate(zip(weights, biases)):
        z = values[-1] @ w + b
        values.append(g(z) if l == len(weights) - 1 else f(z))
    return values


# --- chapters/01_the_goal.ipynb, cell 27 ---
def check_layer_sizes(layer_sizes):
    """Check a network's layer sizes: a list of two or more positive ints (inputs, hidden layers..., outputs)."""
    sizes = list(layer_sizes) if isinstance(layer_sizes, (list, tuple)) else None
    if sizes is None or len(sizes) < 2:
        raise ValueError(f"layer_sizes must be a list of at least two sizes (inputs, ..., outputs), got {layer_sizes!r}")
    for l, n in enumerate(sizes):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"layer_sizes[{l}] must be a positive int, got {n!r}")
    return [int(n) for n in sizes]


def init_weights(layer_sizes, seed=0):
    """Seeded starting weights and biases for a network with the given layer sizes.

    Parameters
    ----------
    layer_sizes : list of int
        Inputs, hidden layers, outputs, for example [3, 4, 2].
    seed : int
        Seed of ``numpy.random.default_rng``; the same seed always gives the same network.

    Returns
    -------
    weights : list of ndarray
        ``weights[l]`` of shape (layer_sizes[l], layer_sizes[l+1]), drawn uniformly from ±sqrt(6 / (n_in + n_out)).
    biases : list of ndarray
        ``biases[l]`` of shape (layer_sizes[l+1],), all zero.
    """
    sizes = check_layer_sizes(layer_sizes)
    rng = np.random.default_rng(seed)
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (n_in + n_out))
        weights.append(rng.uniform(-limit, limit, size=(n_in, n_out)))
        biases.append(np.zeros(n_out))
    return weights, biases
