# Generated — edit the notebook, not this file: chapters/02_weight_delta.ipynb. `make export` rewrites it.
"""The weight delta: a small step along the gradient.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['check_learning_rate', 'update']


# --- chapters/02_weight_delta.ipynb, cell 2 ---
import numpy as np

from backprop.forward import check_array


# --- chapters/02_weight_delta.ipynb, cell 13 ---
def check_learning_rate(learning_rate):
    """Check that a learning rate is a positive, finite number; returns it as a float."""
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.integer, np.floating)):
        raise TypeError(f"learning_rate must be a number, got {type(learning_rate).__name__}: {learning_rate!r}")
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be positive and finite, got {learning_rate!r}")
    return float(learning_rate)


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
        raise ValueError(f"need one (weight gradient, bias gradient) pair per layer: {len(weights)} layers of "
                         f"weights, {len(biases)} of biases, {len(gradients)} gradient pairs")
    for l, (w, b, (g_w, g_b)) in enumerate(zip(weights, biases, gradients)):
        g_w = check_array(f"gradients[{l}][0]", g_w, ndim=(2,))
        g_b = check_array(f"gradients[{l}][1]", g_b, ndim=(1,))
        if g_w.shape != np.shape(w) or g_b.shape != np.shape(b):
            raise ValueError(f"gradients[{l}] has shapes {g_w.shape} and {g_b.shape}, but layer {l} has weights "
                             f"{np.shape(w)} and biases {np.shape(b)}")
        w += eta * g_w
        b += eta * g_b
