# Generated — edit the notebook, not this file: chapters/05_output_signals.ipynb. `make export` rewrites it.
"""Output signals: target minus computed, times the activation's derivative.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['logistic_derivative', 'softmax_jacobian', 'OUTPUT_RULES', 'output_signals']


# --- chapters/05_output_signals.ipynb, cell 2 ---
import numpy as np

from backprop.forward import ERRORS, OUTPUT_ACTIVATIONS, check_name, check_pair


# --- chapters/05_output_signals.ipynb, cell 5 ---
def logistic_derivative(o):
    """σ′(z) written with the output o = σ(z): o (1 − o), element by element."""
    o = np.asarray(o, dtype=np.float64)
    return o * (1.0 - o)


def softmax_jacobian(o):
    """The softmax Jacobian ∂o_m/∂z_k = o_m ([m = k] − o_k), from the outputs o.

    o : one item (K outputs) → a K×K matrix, row m and column k; or a batch (N×K) → N×K×K, one matrix per item.
    """
    o = np.asarray(o, dtype=np.float64)
    return o[..., :, None] * (np.eye(o.shape[-1]) - o[..., None, :])


# --- chapters/05_output_signals.ipynb, cell 10 ---
OUTPUT_RULES = ("exact", "per_node")


def output_signals(targets, outputs, output="softmax", error="cross_entropy", rule="exact"):
    """The output signals δ_k = −∂E/∂z_k, item by item (one row per item for a batch).

    rule="exact": the derivative of the error through the output activation, for each supported pair —
      identity + squared error: t − o;   logistic + squared error: (t − o) o (1 − o);
      logistic + cross-entropy: t − o;   softmax + cross-entropy: t − o Σ_m t_m (t − o for targets summing to 1);
      softmax + squared error: o_k [(t_k − o_k) − Σ_m (t_m − o_m) o_m], the full softmax Jacobian.
    rule="per_node": the summary's rule (t − o) × the node's own derivative, o (1 − o) for softmax and logistic,
      1 for identity. Exact for logistic and identity with squared error; for softmax it keeps only the diagonal
      of the Jacobian, and with cross-entropy it is not the error's derivative.
    """
    check_name("output", output, tuple(OUTPUT_ACTIVATIONS))
    check_name("error", error, ERRORS)
    check_name("rule", rule, OUTPUT_RULES)
    t, o = check_pair(targets, outputs)
    if output == "identity" and error == "cross_entropy":
        raise ValueError("cross_entropy needs probabilities: use it with a softmax or logistic output")
    if rule == "per_node":
        return (t - o) * (1.0 if output == "identity" else logistic_derivative(o))
    if output == "identity" or (output == "logistic" and error == "cross_entropy"):
        return t - o
    if output == "logistic":
        return (t - o) * logistic_derivative(o)
    if error == "cross_entropy":
        return t - o * t.sum(axis=-1, keepdims=True)
    r = t - o
    return o * (r - np.sum(r * o, axis=-1, keepdims=True))
