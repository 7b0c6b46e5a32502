# Generated — edit the notebook, not this file: chapters/02_weight_delta.ipynb.
# `make export` rewrites it.
"""The weight delta: a small step along the gradient.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["descent_path", "update", "learning_rate_paths"]


# --- chapters/02_weight_delta.ipynb, cell 3 ---
import numpy as np

from backprop.checks import (
    check_array,
    check_callable,
    check_in_place,
    check_learning_rate,
    check_network,
    check_positive_int,
)


# --- chapters/02_weight_delta.ipynb, cell 6 ---
def descent_path(gradient, w, learning_rate, steps):
    """Gradient descent on a single weight: the weights visited by ``steps`` steps
    w ← w + η g(w).

    Parameters
    ----------
    gradient : callable
        g(w), the summary's gradient −dE/dw at w.
    w : float
        The starting weight.
    learning_rate : float
        η, positive and finite.
    steps : int
        How many steps to take (a positive int).

    Returns
    -------
    ndarray
        The ``steps + 1`` weights visited, the start first.
    """
    check_callable("gradient", gradient)
    w = float(check_array("w", np.atleast_1d(w), ndim=(1,), width=1)[0])
    eta = check_learning_rate(learning_rate)
    steps = check_positive_int("steps", steps)
    path = [w]
    for _ in range(steps):
        path.append(path[-1] + eta * gradient(path[-1]))
        if not np.isfinite(path[-1]):
            raise FloatingPointError(
                f"the weight left the finite numbers after {len(path) - 1} steps: "
                f"learning_rate={learning_rate!r} is far too large for this error"
            )
    return np.array(path)


# --- chapters/02_weight_delta.ipynb, cell 17 ---
def update(weights, biases, gradients, learning_rate=0.05):
    """Add each weight delta η·g to its weight and bias, in place:
    w ← w + η g_w and b ← b + η g_b.

    Parameters
    ----------
    weights, biases : list of ndarray
        The network's weights and biases: writeable float64 arrays, changed in place.
        Every argument is checked before the first is changed, so a refused call
        changes nothing.
    gradients : list of (ndarray, ndarray)
        One pair (g_w, g_b) per layer, input side first, shaped like ``weights[l]``
        and ``biases[l]``, in the summary's convention g = −∂E/∂w, so that adding
        the delta lowers the error.
    learning_rate : float
        η, positive and finite.
    """
    eta = check_learning_rate(learning_rate)
    # writeable float64 arrays (so the checked arrays below are the same objects)
    check_in_place(weights, biases)
    weights, biases = check_network(weights, biases)  # finite, and their shapes chain
    if not isinstance(gradients, (list, tuple)):
        raise TypeError(
            "gradients must be a list of (weight gradient, bias gradient) pairs, "
            f"one per layer; got {type(gradients).__name__}"
        )
    if len(gradients) != len(weights):
        raise ValueError(
            "gradients must hold one (weight gradient, bias gradient) pair per layer: "
            f"the network has {len(weights)} layers, "
            f"gradients has {len(gradients)} pairs"
        )
    checked = []
    for l, (w, b, pair) in enumerate(zip(weights, biases, gradients)):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(
                f"gradients[{l}] must be a pair (weight gradient, bias gradient), "
                f"got {pair!r:.60}"
            )
        g_w = check_array(f"gradients[{l}][0]", pair[0], ndim=(2,))
        g_b = check_array(f"gradients[{l}][1]", pair[1], ndim=(1,))
        if g_w.shape != w.shape or g_b.shape != b.shape:
            raise ValueError(
                f"gradients[{l}] has shapes {g_w.shape} and {g_b.shape}, "
                f"but layer {l} has weights {w.shape} and biases {b.shape}"
            )
        checked.append((g_w, g_b))
    # every layer was checked before the first changes
    _update(weights, biases, checked, eta)


def _update(weights, biases, gradients, eta):
    """The kernel of update: w += η g_w and b += η g_b for every layer, on arguments
    already checked."""
    for w, b, (g_w, g_b) in zip(weights, biases, gradients):
        w += eta * g_w
        b += eta * g_b


# --- chapters/02_weight_delta.ipynb, cell 33 ---
from backprop.forward import error, forward
from backprop.running_example import running_network


def learning_rate_paths(learning_rate, steps=30):
    """Gradient descent at one learning rate on chapter 2's two one-weight errors.

    The parabola E = ½ (w − 2)², from w = 0; and the running network's squared error
    (tanh hidden, identity outputs) along the weight from h_3 to o_1, from its
    starting value.

    Parameters
    ----------
    learning_rate : float
        η, positive and finite.
    steps : int
        Steps of gradient descent.

    Returns
    -------
    dict
        ``parabola_w``, ``parabola_E``, ``network_w``, ``network_E``: the weights
        visited and their errors.
    """
    eta = check_learning_rate(learning_rate)
    steps = check_positive_int("steps", steps)
    parabola_w = descent_path(lambda w: -(w - 2.0), 0.0, eta, steps)
    x, t, weights, biases = running_network()
    h_3 = forward(x, weights, biases, "tanh", "identity")[1][2]

    def network_error(w):
        weights[1][2, 0] = w
        return error(
            t,
            forward(x, weights, biases, "tanh", "identity")[-1],
            "squared_error",
            "identity",
        )

    def network_gradient(w):
        weights[1][2, 0] = w
        return (t[0] - forward(x, weights, biases, "tanh", "identity")[-1][0]) * h_3

    network_w = descent_path(network_gradient, weights[1][2, 0], eta, steps)
    with np.errstate(over="ignore"):
        paths = {
            "parabola_w": parabola_w,
            "parabola_E": 0.5 * (parabola_w - 2.0) ** 2,
            "network_w": network_w,
            "network_E": np.array([network_error(w) for w in network_w]),
        }
    if not all(np.all(np.isfinite(values)) for values in paths.values()):
        raise FloatingPointError(
            "the error left the finite numbers: "
            f"learning_rate={learning_rate!r} is far too large for {steps} steps"
        )
    return paths
