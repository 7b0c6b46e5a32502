# Generated — edit the notebook, not this file: chapters/01_the_goal.ipynb.
# `make export` rewrites it.
"""The goal: outputs that match the targets.

Each definition below comes from the notebook cell named above it.
"""

__all__ = [
    "logistic",
    "tanh",
    "relu",
    "identity",
    "softmax",
    "HIDDEN_ACTIVATIONS",
    "OUTPUT_ACTIVATIONS",
    "squared_error",
    "cross_entropy",
    "binary_cross_entropy",
    "error",
    "forward",
    "init_weights",
    "log_softmax",
    "network_error",
]


# --- chapters/01_the_goal.ipynb, cell 3 ---
import numpy as np

from backprop.checks import (
    ERRORS,
    HIDDEN,
    OUTPUTS,
    check_array,
    check_items,
    check_layer_sizes,
    check_name,
    check_network,
    check_output_error,
    check_pair,
    check_probabilities,
    check_seed,
)


# --- chapters/01_the_goal.ipynb, cell 10 ---
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
    return _logistic(check_array("z", z, ndim=(0, 1, 2)))


def _logistic(z):
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
    return np.tanh(check_array("z", z, ndim=(0, 1, 2)))


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
    return np.maximum(check_array("z", z, ndim=(0, 1, 2)), 0.0)


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
    return check_array("z", z, ndim=(0, 1, 2)).copy()


def softmax(z):
    """Softmax over the last axis: o_k = exp(z_k) / Σ_m exp(z_m).

    The largest sum of each row is subtracted first: softmax is unchanged by the shift,
    and no exponent can overflow.

    Parameters
    ----------
    z : array_like
        Sums of one item (1-D) or of a batch (2-D, one item per row).

    Returns
    -------
    ndarray
        Probabilities of the same shape; each row sums to 1.
    """
    return _softmax(check_array("z", z))


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


HIDDEN_ACTIVATIONS = {"tanh": tanh, "logistic": logistic, "relu": relu}
OUTPUT_ACTIVATIONS = {"softmax": softmax, "logistic": logistic, "identity": identity}
# The kernels: the same functions for arguments already checked (a private name
# says "no checks here").
_HIDDEN_KERNELS = {
    "tanh": np.tanh,
    "logistic": _logistic,
    "relu": lambda z: np.maximum(z, 0.0),
}
_OUTPUT_KERNELS = {"softmax": _softmax, "logistic": _logistic, "identity": lambda z: z}


# --- chapters/01_the_goal.ipynb, cell 17 ---
def squared_error(t, o):
    """Squared error E = ½ Σ_k (t_k − o_k)², averaged over the items of a batch.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs of the same shape: one item (1-D) or a batch
        (2-D, one item per row).

    Returns
    -------
    float
        The mean over items of the per-item error.
    """
    t, o = check_pair(t, o)
    return float(np.mean(0.5 * np.sum(np.atleast_2d(t - o) ** 2, axis=1)))


def _t_ln(t, o):
    """t · ln(o) element by element, with 0 · ln(o) = 0 even where o = 0."""
    with np.errstate(divide="ignore"):
        return np.where(t != 0, t * np.log(np.where(t != 0, o, 1.0)), 0.0)


def cross_entropy(t, o):
    """Cross-entropy E = −Σ_k t_k ln o_k for softmax outputs, averaged over the
    items of a batch.

    A term whose target is 0 counts as 0, even where o_k = 0.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs (probabilities in [0, 1]) of the same shape, one item per
        row for a batch.

    Returns
    -------
    float
    """
    t, o = check_pair(t, o)
    check_probabilities("outputs", o)
    return float(np.mean(-np.sum(np.atleast_2d(_t_ln(t, o)), axis=1)))


def binary_cross_entropy(t, o):
    """Binary cross-entropy E = −Σ_k [t_k ln o_k + (1 − t_k) ln(1 − o_k)] for logistic
    outputs, averaged over items.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs (probabilities in [0, 1]) of the same shape, one item per
        row for a batch.

    Returns
    -------
    float
    """
    t, o = check_pair(t, o)
    check_probabilities("outputs", o)
    return float(
        np.mean(-np.sum(np.atleast_2d(_t_ln(t, o) + _t_ln(1 - t, 1 - o)), axis=1))
    )


def error(t, o, kind="cross_entropy", output="softmax"):
    """The error of outputs against targets, for a given error function and
    output activation.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs of the same shape, one item per row for a batch.
    kind : {"cross_entropy", "squared_error"}
        The error function.
    output : {"softmax", "logistic", "identity"}
        The output activation: with cross-entropy it picks the categorical (softmax) or
        binary (logistic) form; identity with cross-entropy is refused.

    Returns
    -------
    float
        The mean over items of the per-item error.
    """
    check_output_error(output, kind, "kind")
    if kind == "squared_error":
        return squared_error(t, o)
    return cross_entropy(t, o) if output == "softmax" else binary_cross_entropy(t, o)


# --- chapters/01_the_goal.ipynb, cell 19 ---
def forward(x, weights, biases, hidden="tanh", output="softmax"):
    """The forward pass: the values of every layer, input first and outputs last.

    Each layer computes z = (previous values) @ W + b, then f(z) for hidden layers and
    g(z) for the last one.

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
    check_name("hidden", hidden, HIDDEN)
    check_name("output", output, OUTPUTS)
    x = check_array("x", x, width=weights[0].shape[0])
    return _forward(x, weights, biases, hidden, output)


def _forward(x, weights, biases, hidden, output):
    """The kernel of forward: the same computation, for arguments already checked."""
    f, g = _HIDDEN_KERNELS[hidden], _OUTPUT_KERNELS[output]
    values = [x]
    for l, (w, b) in enumerate(zip(weights, biases)):
        z = values[-1] @ w
        z += b
        values.append(g(z) if l == len(weights) - 1 else f(z))
    return values


# --- chapters/01_the_goal.ipynb, cell 30 ---
def init_weights(layer_sizes, seed=0):
    """Seeded starting weights and biases for a network with the given layer sizes.

    Parameters
    ----------
    layer_sizes : list of int
        Inputs, hidden layers, outputs, for example [3, 4, 2].
    seed : int
        Seed of ``numpy.random.default_rng`` (an int ≥ 0); the same seed always gives
        the same network.

    Returns
    -------
    weights : list of ndarray
        ``weights[l]`` of shape (layer_sizes[l], layer_sizes[l+1]), drawn uniformly from
        ±sqrt(6 / (n_in + n_out)).
    biases : list of ndarray
        ``biases[l]`` of shape (layer_sizes[l+1],), all zero.
    """
    sizes = check_layer_sizes(layer_sizes)
    rng = np.random.default_rng(check_seed(seed))
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (n_in + n_out))
        weights.append(rng.uniform(-limit, limit, size=(n_in, n_out)))
        biases.append(np.zeros(n_out))
    return weights, biases


# --- chapters/01_the_goal.ipynb, cell 33 ---
def log_softmax(z):
    """ln softmax(z) over the last axis, computed from the sums:
    (z − max) − ln Σ exp(z − max).

    Parameters
    ----------
    z : array_like
        Sums of one item (1-D) or a batch (2-D, one item per row).

    Returns
    -------
    ndarray
        Finite for finite sums, even where softmax itself rounds to 0. Sums whose
        spread overflows (max − min beyond the largest float, 1.8e308) are refused:
        their log-softmax is not a float.
    """
    z = check_array("z", z)
    with np.errstate(over="ignore"):
        spread = z.max(axis=-1) - z.min(axis=-1)
    if not np.all(np.isfinite(spread)):
        raise ValueError(
            "z spans more than the largest float (max − min overflows), "
            "so its log-softmax is not a float; scale the sums down"
        )
    return _log_softmax(z)


def _log_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def network_error(
    x, t, weights, biases, hidden="tanh", output="softmax", kind="cross_entropy"
):
    """The error of a network on items x with targets t, computed from the output sums.

    The same value as ``error(t, forward(...)[-1], kind, output)`` wherever that is
    finite, but cross-entropy stays finite when outputs saturate: log-softmax for
    softmax outputs, ln(1 + exp(z)) − t z for logistic ones.

    Parameters
    ----------
    x, t : array_like
        Items and targets: one (1-D) or a batch (one per row).
    weights, biases, hidden, output :
        The network, as for ``forward``.
    kind : {"cross_entropy", "squared_error"}
        The error function.

    Returns
    -------
    float
        The mean over items of the per-item error.
    """
    check_output_error(output, kind, "kind")
    weights, biases = check_network(weights, biases)
    check_name("hidden", hidden, HIDDEN)
    x, t = check_items(x, t, weights)
    return _network_error(x, t, weights, biases, hidden, output, kind)


def _network_error(x, t, weights, biases, hidden, output, kind):
    """The kernel of network_error, for arguments already checked."""
    values = _forward(x, weights, biases, hidden, output)
    if kind == "squared_error":
        return float(np.mean(0.5 * np.sum(np.atleast_2d(t - values[-1]) ** 2, axis=1)))
    z = values[-2] @ weights[-1] + biases[-1]
    if output == "softmax":
        return float(np.mean(-np.sum(np.atleast_2d(t * _log_softmax(z)), axis=1)))
    softplus = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(np.sum(np.atleast_2d(softplus - t * z), axis=1)))
