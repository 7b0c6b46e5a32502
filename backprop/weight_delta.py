# Generated — edit the notebook, not this file: chapters/02_weight_delta.ipynb. `make export` rewrites it.
"""The weight delta: a small step along the gradient.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['descent_path', 'update', 'learning_rate_paths']


# --- chapters/02_weight_delta.ipynb, cell 2 ---
import numpy as np

from backprop.checks import check_array, check_learning_rate


# --- chapters/02_weight_delta.ipynb, cell 5 ---
def descent_path(gradient, w, learning_rate, steps):
    """Gradient descent on a single weight: the weights visited by ``steps`` steps w ← w + η g(w).

    Parameters
    ----------
    gradient : callable
        g(w), the summary's gradient −dE/dw at w.
    w : float
        The starting weight.
    learning_rate : float
        η.
    steps : int
        How many steps to take.

    Returns
    -------
    ndarray
        The ``steps + 1`` weights visited, the start first.
    """
    path = [float(w)]
    for _ in range(steps):
        path.append(path[-1] + learning_rate * gradient(path[-1]))
    return np.array(path)


# --- chapters/02_weight_delta.ipynb, cell 14 ---
def update(weights, biases, gradients, learning_rate=0.05):
    """Add each weight delta η·g to its weight and bias, in place: w ← w + η g_w and b ← b + η g_b.

    Parameters
    ----------
    weights, biases : list of ndarray
        The network's weights and biases, changed in place.
    gradients : list of (ndarray, ndarray)
        One pair (g_w, g_b) per layer, input side first, shaped like ``weights[l]`` and ``biases[l]``, in the
        summary's convention g = −∂E/∂w, so that adding the delta lowers the error.
    learning_rate : float
        η, positive and finite.
    """
    eta = check_learning_rate(learning_rate)
    if len(gradients) != len(weights) or len(biases) != len(weights):
        raise ValueError(f"gradients must hold one (weight gradient, bias gradient) pair per layer: the network has "
                         f"{len(weights)} layers of weights and {len(biases)} of biases, gradients has "
                         f"{len(gradients)} pairs")
    for l, (w, b, (g_w, g_b)) in enumerate(zip(weights, biases, gradients)):
        g_w = check_array(f"gradients[{l}][0]", g_w, ndim=(2,))
        g_b = check_array(f"gradients[{l}][1]", g_b, ndim=(1,))
        if g_w.shape != np.shape(w) or g_b.shape != np.shape(b):
            raise ValueError(f"gradients[{l}] has shapes {g_w.shape} and {g_b.shape}, but layer {l} has weights "
                             f"{np.shape(w)} and biases {np.shape(b)}")
        w += eta * g_w
        b += eta * g_b


# --- chapters/02_weight_delta.ipynb, cell 21 ---
from backprop.forward import error, forward
from backprop.running_example import running_network


def learning_rate_paths(learning_rate, steps=30):
    """Gradient descent at one learning rate on chapter 2's two one-weight errors.

    The parabola E = ½ (w − 2)², from w = 0; and the running network's squared error (tanh hidden, identity
    outputs) along the weight from h_3 to o_1, from its starting value.

    Parameters
    ----------
    learning_rate : float
        η, positive and finite.
    steps : int
        Steps of gradient descent.

    Returns
    -------
    dict
        ``parabola_w``, ``parabola_E``, ``network_w``, ``network_E``: the weights visited and their errors.
    """
    eta = check_learning_rate(learning_rate)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive int, got {steps!r}")
    parabola_w = descent_path(lambda w: -(w - 2.0), 0.0, eta, steps)
    x, t, weights, biases = running_network()
    h_3 = forward(x, weights, biases, "tanh", "identity")[1][2]

    def network_error(w):
        weights[1][2, 0] = w
        return error(t, forward(x, weights, biases, "tanh", "identity")[-1], "squared_error", "identity")

    def network_gradient(w):
        weights[1][2, 0] = w
        return (t[0] - forward(x, weights, biases, "tanh", "identity")[-1][0]) * h_3

    network_w = descent_path(network_gradient, weights[1][2, 0], eta, steps)
    return {"parabola_w": parabola_w, "parabola_E": 0.5 * (parabola_w - 2.0) ** 2,
            "network_w": network_w, "network_E": np.array([network_error(w) for w in network_w])}
