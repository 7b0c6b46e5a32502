# Generated — edit the notebook, not this file: chapters/07_hidden_signals.ipynb. `make export` rewrites it.
"""Hidden signals: the output signals, sent back through the weights.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['backward']


# --- chapters/07_hidden_signals.ipynb, cell 21 ---
import numpy as np

from backprop.checks import check_network
from backprop.forward import forward
from backprop.gradients import weight_gradients
from backprop.hidden_signals import hidden_signals
from backprop.output_signals import output_signals


def backward(x, t, weights, biases, hidden="tanh", output="softmax", error="cross_entropy", rule="exact"):
    """Back-propagation: the gradients −∂E/∂w and −∂E/∂b of the batch-mean error for every layer.

    Parameters
    ----------
    x, t : array_like
        Inputs and targets: one item (1-D) or a batch (one item per row).
    weights, biases : list of ndarray
        The network, as for ``forward``.
    hidden : {"tanh", "logistic", "relu"}
        The hidden activation.
    output : {"softmax", "logistic", "identity"}
        The output activation.
    error : {"cross_entropy", "squared_error"}
        The error function.
    rule : {"exact", "per_node"}
        Passed to ``output_signals``.

    Returns
    -------
    list of (ndarray, ndarray)
        One pair (g_w, g_b) per layer, input side first, shaped like ``weights[l]`` and ``biases[l]``.
    """
    weights, biases = check_network(weights, biases)
    values = forward(x, weights, biases, hidden, output)
    delta = output_signals(t, values[-1], output, error, rule)
    gradients = [None] * len(weights)
    for l in reversed(range(len(weights))):
        gradients[l] = weight_gradients(delta, values[l])
        if l > 0:
            delta = hidden_signals(delta, weights[l], values[l], hidden)
    return gradients
