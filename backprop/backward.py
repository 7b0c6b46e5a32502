# Generated — edit the notebook, not this file: chapters/07_hidden_signals.ipynb.
# `make export` rewrites it.
"""Hidden signals: the output signals, sent back through the weights.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["backward"]


# --- chapters/07_hidden_signals.ipynb, cell 27 ---
import numpy as np

from backprop.checks import (
    HIDDEN,
    RULES,
    check_items,
    check_name,
    check_network,
    check_output_error,
)
from backprop.forward import _forward
from backprop.gradients import _weight_gradients
from backprop.hidden_signals import _hidden_signals
from backprop.output_signals import _output_signals


def backward(
    x,
    t,
    weights,
    biases,
    hidden="tanh",
    output="softmax",
    error="cross_entropy",
    rule="exact",
):
    """Back-propagation: the gradients −∂E/∂w and −∂E/∂b of the batch-mean error
    for every layer.

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
        One pair (g_w, g_b) per layer, input side first, shaped like
        ``weights[l]`` and ``biases[l]``.
    """
    weights, biases = check_network(weights, biases)
    check_name("hidden", hidden, HIDDEN)
    check_output_error(output, error)
    check_name("rule", rule, RULES)
    x, t = check_items(x, t, weights)
    return _backward(x, t, weights, biases, hidden, output, error, rule)


def _backward(x, t, weights, biases, hidden, output, error, rule):
    """The kernel of backward: the same computation with the kernels of
    chapters 1 to 7, on checked arguments."""
    values = _forward(x, weights, biases, hidden, output)
    delta = _output_signals(t, values[-1], output, error, rule)
    gradients = [None] * len(weights)
    for l in reversed(range(len(weights))):
        gradients[l] = _weight_gradients(delta, values[l])
        if l > 0:
            delta = _hidden_signals(delta, weights[l], values[l], hidden)
    return gradients
