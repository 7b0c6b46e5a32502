# Generated — edit the notebook, not this file: chapters/07_hidden_signals.ipynb. `make export` rewrites it.
"""Hidden signals: the output signals, sent back through the weights.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['backward']


# --- chapters/07_hidden_signals.ipynb, cell 21 ---
import numpy as np

from backprop.forward import check_network, forward
from backprop.gradients import weight_gradients
from backprop.hidden_signals import hidden_signals
from backprop.output_signals import output_signals


def backward(x, t, weights, biases, hidden="tanh", output="softmax", error="cross_entropy", rule="exact"):
    """Back-propagation: the gradients −∂E/∂w and −∂E/∂b of the (batch-mean) error for every layer.

    x, t     : one item (1-D) or a batch (one item per row) of inputs and targets.
    weights, biases, hidden, output : the network, as for `forward`;  error : "squared_error" or "cross_entropy";
    rule     : "exact" or "per_node", passed to `output_signals`.
    Returns [(g_w, g_b), ...], one pair per layer, input side first, shaped like weights[l] and biases[l].
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
