# Generated — edit the notebook, not this file: chapters/03_gradient.ipynb. `make export` rewrites it.
"""A weight's gradient comes from the error's derivative.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ['error_derivative', 'numerical_gradient', 'worst_relative_error']


# --- chapters/03_gradient.ipynb, cell 2 ---
import numpy as np

from backprop.checks import check_output_error, check_pair


# --- chapters/03_gradient.ipynb, cell 5 ---
def error_derivative(t, o, kind="cross_entropy", output="softmax"):
    """The derivative ∂E/∂o_k of one item's error with respect to each output.

    Parameters
    ----------
    t, o : array_like
        Targets and outputs of the same shape, one item per row for a batch.
    kind : {"cross_entropy", "squared_error"}
        The error function.
    output : {"softmax", "logistic", "identity"}
        The output activation (it picks the form of cross-entropy).

    Returns
    -------
    ndarray
        −(t − o) for squared error; −t / o for cross-entropy with softmax outputs; (o − t) / (o (1 − o)) with
        logistic outputs. The batch error is the mean over N items, so its derivative is this divided by N.
    """
    check_output_error(output, kind)
    t, o = check_pair(t, o)
    if kind == "squared_error":
        return -(t - o)
    with np.errstate(divide="ignore", invalid="ignore"):
        if output == "softmax":
            return np.where(t != 0, -t / o, 0.0)
        return (o - t) / (o * (1 - o))


# --- chapters/03_gradient.ipynb, cell 13 ---
def numerical_gradient(E, params, step=1e-5):
    """The summary's gradient −∂E/∂θ of every entry θ of ``params``, by central differences.

    Parameters
    ----------
    E : callable
        A function of no arguments returning the error (a number) computed from the current ``params``.
    params : ndarray or list of ndarray
        Float64 arrays (for example ``weights + biases``); each entry is set to θ ± step in place while E is
        evaluated, then restored exactly.
    step : float
        The step of the central difference.

    Returns
    -------
    ndarray or list of ndarray
        −[E(θ + step) − E(θ − step)] / (2 step), shaped like ``params``.
    """
    if isinstance(params, np.ndarray):
        return numerical_gradient(E, [params], step)[0]
    if not (np.isfinite(step) and step > 0):
        raise ValueError(f"step must be positive and finite, got {step!r}")
    gradients = []
    for p, array in enumerate(params):
        if not isinstance(array, np.ndarray) or array.dtype != np.float64:
            raise TypeError(f"params[{p}] must be a float64 numpy array, nudged in place; got "
                            f"{type(array).__name__} of {getattr(array, 'dtype', 'no dtype')}")
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            old = array[index]
            array[index] = old + step
            up = E()
            array[index] = old - step
            down = E()
            array[index] = old
            gradient[index] = -(up - down) / (2 * step)
        gradients.append(gradient)
    return gradients


def worst_relative_error(analytic, numerical, floor=1e-4):
    """The largest relative difference between two gradients, entry by entry.

    Each difference is divided by the larger of the two sizes, but never by less than ``floor``: a central
    difference is only accurate to about 1e-11 in absolute terms, so the relative error of a tiny entry would
    measure round-off, not the formula (and an exact 0 cannot divide).

    Parameters
    ----------
    analytic, numerical : ndarray or list of ndarray
        Gradients of the same shapes.
    floor : float
        The smallest scale a difference is divided by.

    Returns
    -------
    float
        The maximum over all entries of abs(a − n) / max(abs(a), abs(n), floor).
    """
    if isinstance(analytic, np.ndarray) or isinstance(numerical, np.ndarray):
        analytic, numerical = [analytic], [numerical]
    if len(analytic) != len(numerical):
        raise ValueError(f"got {len(analytic)} analytic and {len(numerical)} numerical gradient arrays")
    worst = 0.0
    for p, (a, n) in enumerate(zip(analytic, numerical)):
        a, n = np.asarray(a, dtype=np.float64), np.asarray(n, dtype=np.float64)
        if a.shape != n.shape:
            raise ValueError(f"gradient {p}: analytic shape {a.shape} differs from numerical shape {n.shape}")
        scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), floor)
        worst = max(worst, float(np.max(np.abs(a - n) / scale, initial=0.0)))
    return worst
