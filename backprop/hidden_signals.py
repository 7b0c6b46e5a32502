# Generated — edit the notebook, not this file: chapters/07_hidden_signals.ipynb.
# `make export` rewrites it.
"""Hidden signals: the output signals, sent back through the weights.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["hidden_derivative", "hidden_signals", "activation_curves"]


# --- chapters/07_hidden_signals.ipynb, cell 3 ---
import numpy as np

from backprop.checks import HIDDEN, check_array, check_name
from backprop.forward import HIDDEN_ACTIVATIONS
from backprop.gradients import weight_gradients
from backprop.output_signals import _check_between, logistic_derivative, output_signals


# --- chapters/07_hidden_signals.ipynb, cell 6 ---
# the values h can take
_RANGES = {
    "tanh": (-1.0, 1.0),
    "logistic": (0.0, 1.0),
    "relu": (0.0, np.inf),
}


def hidden_derivative(h, activation="tanh"):
    """The derivative f′(z) of a hidden activation, written with the node's
    output h = f(z).

    Parameters
    ----------
    h : array_like
        Hidden values from the forward pass.
    activation : {"tanh", "logistic", "relu"}
        The hidden activation: 1 − h² for tanh, h (1 − h) for logistic, 1 where h > 0
        and 0 elsewhere for ReLU (the book's choice at z = 0).

    Returns
    -------
    ndarray
    """
    check_name("activation", activation, HIDDEN)
    h = check_array("h", h, ndim=(0, 1, 2))
    low, high = _RANGES[activation]
    return _hidden_derivative(
        _check_between("h", h, low, high, f"{activation} values"), activation
    )


def _hidden_derivative(h, activation):
    """The kernel of hidden_derivative, for arguments already checked."""
    if activation == "tanh":
        return 1.0 - h**2
    if activation == "logistic":
        return h * (1.0 - h)
    return (h > 0).astype(np.float64)


# --- chapters/07_hidden_signals.ipynb, cell 17 ---
def hidden_signals(next_signals, weights, hidden_values, activation="tanh"):
    """Signals of a hidden layer: δ_j = (Σ_k δ_k w_jk) × f′(z_j).

    Parameters
    ----------
    next_signals : array_like
        δ of the layer above (the output signals, for a single hidden layer): 1-D for
        one item, 2-D for a batch.
    weights : array_like
        The weights from this layer to the layer above, shape
        (this layer's nodes, nodes above).
    hidden_values : array_like
        This layer's values h = f(z) from the forward pass; f′ is computed from them.
    activation : {"tanh", "logistic", "relu"}
        The activation f of this layer.

    Returns
    -------
    ndarray
        The signals of this layer, shaped like ``hidden_values``.
    """
    check_name("activation", activation, HIDDEN)
    delta = check_array("next_signals", next_signals)
    w = check_array("weights", weights, ndim=(2,))
    h = check_array("hidden_values", hidden_values)
    if (h.shape[-1], delta.shape[-1]) == w.shape[::-1] != w.shape:
        raise ValueError(
            f"weights has shape {w.shape} but fits only if transposed: "
            "weights[j, k] is the weight from hidden node j to node k of the layer "
            f"above, so it needs shape {w.shape[::-1]}"
        )
    if (
        delta.shape[-1] != w.shape[1]
        or h.shape[-1] != w.shape[0]
        or delta.shape[:-1] != h.shape[:-1]
    ):
        raise ValueError(
            f"next_signals {delta.shape}, weights {w.shape} "
            f"and hidden_values {h.shape} do not fit: "
            f"need next_signals (items, {w.shape[1]}) "
            f"and hidden_values (items, {w.shape[0]})"
        )
    return _hidden_signals(delta, w, h, activation)


def _hidden_signals(delta, w, h, activation):
    """The kernel of hidden_signals, for arguments already checked."""
    back = delta @ w.T  # Σ_k δ_k w_jk for every j (and item)
    back *= _hidden_derivative(h, activation)
    return back


# --- chapters/07_hidden_signals.ipynb, cell 37 ---
def activation_curves(activation="tanh", incoming=1.0, z=None):
    """A hidden activation, its derivative and the signal it passes back,
    as the node's sum varies.

    Parameters
    ----------
    activation : {"tanh", "logistic", "relu"}
        The hidden activation f.
    incoming : float
        The signal arriving from the layer above, Σ_k δ_k w_jk.
    z : array_like, optional
        The sums z_j; by default 401 points from -4 to 4.

    Returns
    -------
    dict
        ``z``; ``h`` = f(z); ``derivative`` = f′(z) from h;
        ``signal`` = incoming × f′(z).
    """
    f = HIDDEN_ACTIVATIONS[check_name("activation", activation, HIDDEN)]
    incoming = float(check_array("incoming", incoming, ndim=(0,)))
    z = np.linspace(-4.0, 4.0, 401) if z is None else check_array("z", z, ndim=(1,))
    h = f(z)
    derivative = hidden_derivative(h, activation)
    return {"z": z, "h": h, "derivative": derivative, "signal": incoming * derivative}
