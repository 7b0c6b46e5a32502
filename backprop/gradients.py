# Generated — edit the notebook, not this file: chapters/04_hidden_to_output.ipynb.
# `make export` rewrites it.
"""Hidden-to-output gradients: signal times hidden value.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["weight_gradients"]


# --- chapters/04_hidden_to_output.ipynb, cell 3 ---
import numpy as np

from backprop.checks import check_array


# --- chapters/04_hidden_to_output.ipynb, cell 10 ---
def weight_gradients(signals, inputs):
    """Gradients of one layer's weights and biases: each weight's input times the signal
    of the node it points to.

    Serves every layer: the output signals with the hidden values for the
    hidden-to-output layer, the hidden signals with the inputs for the
    input-to-hidden layer.

    Parameters
    ----------
    signals : array_like
        δ of the layer's nodes: 1-D for one item, or 2-D with one item per row.
    inputs : array_like
        The values feeding the layer, item by item (the hidden values, or the inputs).

    Returns
    -------
    g_w : ndarray
        ``g_w[a, b] = inputs[a] × signals[b]``, averaged over the items of a batch;
        shape (n_inputs, n_nodes).
    g_b : ndarray
        The signals averaged over items (a bias's input is 1).

    Notes
    -----
    In the summary's convention these are −∂E/∂w and −∂E/∂b of the batch error,
    the mean over items.
    """
    delta = check_array("signals", signals)
    a = check_array("inputs", inputs)
    if delta.ndim != a.ndim or (delta.ndim == 2 and delta.shape[0] != a.shape[0]):
        raise ValueError(
            "signals and inputs must describe the same items: "
            f"got shapes {delta.shape} and {a.shape}"
        )
    return _weight_gradients(delta, a)


def _weight_gradients(delta, a):
    """The kernel of weight_gradients, for arguments already checked."""
    if delta.ndim == 1:
        return np.outer(a, delta), delta.copy()
    n = delta.shape[0]
    g_w = a.T @ delta
    g_w /= n
    return g_w, delta.sum(axis=0) / n
