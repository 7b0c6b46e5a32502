# Generated — edit the notebook, not this file: chapters/05_output_signals.ipynb.
# `make export` rewrites it.
"""Output signals: target minus computed, times the activation's derivative.

Each definition below comes from the notebook cell named above it.
"""

__all__ = [
    "logistic_derivative",
    "softmax_jacobian",
    "output_signals",
    "output_signal_curves",
]


# --- chapters/05_output_signals.ipynb, cell 3 ---
import numpy as np

from backprop.checks import (
    RULES,
    check_array,
    check_name,
    check_output_error,
    check_pair,
)
from backprop.forward import OUTPUT_ACTIVATIONS


# --- chapters/05_output_signals.ipynb, cell 6 ---
def logistic_derivative(o):
    """The logistic function's derivative written with its output: σ′(z) = o (1 − o).

    Parameters
    ----------
    o : array_like
        Outputs o = σ(z).

    Returns
    -------
    ndarray
    """
    o = _check_between(
        "o", check_array("o", o, ndim=(0, 1, 2)), 0.0, 1.0, "logistic outputs"
    )
    return o * (1.0 - o)


def _check_between(name, values, low, high, what):
    """Refuse values outside [low, high], the range of the activation they come from."""
    if np.any((values < low) | (values > high)):
        raise ValueError(
            f"{name} must be {what}, in [{low:g}, {high:g}]; "
            f"got values from {values.min():.4g} to {values.max():.4g}"
        )
    return values


def softmax_jacobian(o):
    """The softmax Jacobian ∂o_m/∂z_k = o_m ([m = k] − o_k), from the outputs.

    Parameters
    ----------
    o : array_like
        Softmax outputs of one item (K values) or of a batch (N × K).

    Returns
    -------
    ndarray
        K × K (row m, column k) for one item, N × K × K for a batch.
    """
    o = _check_between("o", check_array("o", o), 0.0, 1.0, "softmax outputs")
    return o[..., :, None] * (np.eye(o.shape[-1]) - o[..., None, :])


# --- chapters/05_output_signals.ipynb, cell 12 ---
def output_signals(
    targets, outputs, output="softmax", error="cross_entropy", rule="exact"
):
    """The output signals δ_k = −∂E/∂z_k, item by item.

    Parameters
    ----------
    targets, outputs : array_like
        Of the same shape: one item (1-D) or a batch (2-D, one item per row).
    output : {"softmax", "logistic", "identity"}
        The output activation.
    error : {"cross_entropy", "squared_error"}
        The error function (identity with cross-entropy is refused).
    rule : {"exact", "per_node"}
        "exact" gives the derivative of the error through the activation: t − o for
        identity with squared error, logistic with cross-entropy, and softmax with
        cross-entropy (t − o Σ t in general); (t − o) o (1 − o) for logistic with
        squared error; o_k [(t_k − o_k) − Σ_m (t_m − o_m) o_m] for softmax with
        squared error.
        "per_node" gives the summary's rule (t − o) × the node's own derivative
        (o (1 − o), or 1 for identity) whatever the error: exact for logistic and
        identity with squared error; with softmax it keeps only the diagonal of the
        Jacobian.

    Returns
    -------
    ndarray
        Signals of the same shape as the outputs.
    """
    check_output_error(output, error)
    check_name("rule", rule, RULES)
    t, o = check_pair(targets, outputs)
    return _output_signals(t, o, output, error, rule)


def _output_signals(t, o, output, error, rule):
    """The kernel of output_signals, for arguments already checked."""
    if rule == "per_node":
        return (t - o) * (1.0 if output == "identity" else o * (1.0 - o))
    if output == "identity" or (output == "logistic" and error == "cross_entropy"):
        return t - o
    if output == "logistic":
        return (t - o) * (o * (1.0 - o))
    if error == "cross_entropy":
        return t - o * t.sum(axis=-1, keepdims=True)
    r = t - o
    return o * (r - np.sum(r * o, axis=-1, keepdims=True))


# --- chapters/05_output_signals.ipynb, cell 26 ---
def output_signal_curves(output="softmax", error="cross_entropy", z=None):
    """Output, derivative and signals of output node 1 of a two-output layer,
    as its sum z_1 varies.

    The targets are (1, 0) and the other sum is held at z_2 = 0.

    Parameters
    ----------
    output : {"softmax", "logistic", "identity"}
        The output activation.
    error : {"cross_entropy", "squared_error"}
        The error function (identity with cross-entropy is refused).
    z : array_like, optional
        The values of z_1; by default 241 points from -6 to 6.

    Returns
    -------
    dict
        ``z``; ``o``, the output o_1; ``derivative``, ∂o_1/∂z_1; ``exact`` and
        ``per_node``, the signal δ_1 by each rule of ``output_signals``.
    """
    check_output_error(output, error)
    z = np.linspace(-6.0, 6.0, 241) if z is None else check_pair(z, z, ("z", "z"))[0]
    if z.ndim != 1:
        raise ValueError(f"z must be 1-D, got shape {z.shape}")
    Z = np.column_stack([z, np.zeros_like(z)])
    O = OUTPUT_ACTIVATIONS[output](Z)
    T = np.tile([1.0, 0.0], (len(z), 1))
    exact = output_signals(T, O, output, error)
    per_node = output_signals(T, O, output, error, rule="per_node")
    derivative = (
        np.ones_like(z) if output == "identity" else logistic_derivative(O[:, 0])
    )
    return {
        "z": z,
        "o": O[:, 0],
        "derivative": derivative,
        "exact": exact[:, 0],
        "per_node": per_node[:, 0],
    }
