# Generated — edit the notebook, not this file: chapters/03_gradient.ipynb.
# `make export` rewrites it.
"""A weight's gradient comes from the error's derivative.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["error_derivative", "numerical_gradient", "worst_relative_error"]


# --- chapters/03_gradient.ipynb, cell 3 ---
import numpy as np

from backprop.checks import (
    check_array,
    check_callable,
    check_output_error,
    check_pair,
    check_probabilities,
)


# --- chapters/03_gradient.ipynb, cell 6 ---
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
        −(t − o) for squared error; −t / o for cross-entropy with softmax outputs;
        (o − t) / (o (1 − o)) with logistic outputs, computed as
        (1 − t) / (1 − o) − t / o so that it stays exact where o rounds to 0 or 1.
        The batch error is the mean over N items, so its derivative is this
        divided by N.
    """
    check_output_error(output, kind, "kind")
    t, o = check_pair(t, o)
    if kind == "squared_error":
        return -(t - o)
    check_probabilities("outputs", o)
    with np.errstate(divide="ignore", invalid="ignore"):
        # a term with target 0 contributes 0, even where o = 0
        minus_t_over_o = np.where(t != 0, -t / o, 0.0)
        if output == "softmax":
            return minus_t_over_o
        # (o − t) / (o (1 − o)) written as (1 − t)/(1 − o) − t/o:
        # exact even where o rounds to 0 or 1
        return np.where(t != 1, (1 - t) / (1 - o), 0.0) + minus_t_over_o


# --- chapters/03_gradient.ipynb, cell 15 ---
def numerical_gradient(E, params, step=1e-5):
    """The summary's gradient −∂E/∂θ of every entry θ of ``params``,
    by central differences.

    Parameters
    ----------
    E : callable
        A function of no arguments returning the error (a finite number) computed from
        the current ``params``.
    params : ndarray or list of ndarray
        Float64 arrays (for example ``weights + biases``); each entry is set to θ ± step
        in place while E is evaluated, then restored exactly, even if E raises.
    step : float
        The step of the central difference: positive, and large enough to change
        every entry.

    Returns
    -------
    ndarray or list of ndarray
        −[E(θ + step) − E(θ − step)] / (2 step), shaped like ``params``.
    """
    if isinstance(params, np.ndarray):
        return numerical_gradient(E, [params], step)[0]
    check_callable("E", E)
    if (
        isinstance(step, bool)
        or not isinstance(step, (int, float, np.integer, np.floating))
        or not (np.isfinite(step) and step > 0)
    ):
        raise ValueError(f"step must be a positive, finite number, got {step!r}")
    if not isinstance(params, (list, tuple)):
        raise TypeError(
            f"params must be an array or a list of arrays, got {type(params).__name__}"
        )
    for p, array in enumerate(params):
        if (
            not isinstance(array, np.ndarray)
            or array.dtype != np.float64
            or not array.flags.writeable
        ):
            got = (
                f"an array of {array.dtype}"
                if isinstance(array, np.ndarray)
                else type(array).__name__
            )
            raise TypeError(
                f"params[{p}] must be a writeable float64 numpy array, "
                f"nudged in place; got {got}"
            )
        check_array(f"params[{p}]", array, ndim=tuple(range(33)))  # finite values
        if np.any(array + step == array) or not np.all(np.isfinite(array + step)):
            raise ValueError(
                f"step={step!r} does not change every entry of params[{p}] "
                "to a new finite number (θ + step rounds to θ, or overflows): "
                "choose a step that is neither negligible next to the entries nor huge"
            )
    if not np.isfinite(_number(E)):
        raise ValueError(
            "E returned nan or inf at the parameters as given; "
            "it must return a finite number"
        )
    return [_central_differences(E, array, step) for array in params]


def _number(E):
    """E(), checked to be a number (a float, possibly nan or inf)."""
    value = E()
    if isinstance(value, (bool, str, bytes)) or np.ndim(value) != 0:
        raise TypeError(
            f"E must return a number, got {type(value).__name__}: {value!r:.60}"
        )
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(
            f"E must return a number, got {type(value).__name__}: {value!r:.60}"
        ) from None


def _central_differences(E, array, step):
    """−[E(θ + step) − E(θ − step)] / (2 step) for every entry θ of one array;
    each entry is restored exactly, even if E raises."""
    gradient = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        old = array[index]
        try:
            # Overflow and invalid values are not warned about here: the check
            # below reports them, with the entry that caused them.
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                array[index] = old + step
                up = _number(E)
                array[index] = old - step
                down = _number(E)
        finally:
            array[index] = old
        if not (np.isfinite(up) and np.isfinite(down)):
            raise ValueError(
                f"step={step!r}: E returned nan or inf at a nudged parameter "
                f"(entry {index}); try a smaller step"
            )
        gradient[index] = -(up - down) / (2 * step)
    return gradient


def worst_relative_error(analytic, numerical, floor=1e-4):
    """The largest relative difference between two gradients, entry by entry.

    Each difference is divided by the larger of the two sizes, but never by less than
    ``floor``: a central difference is only accurate to about 1e-11 in absolute terms,
    so the relative error of a tiny entry would measure round-off, not the formula
    (and an exact 0 cannot divide).

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
    if (
        isinstance(floor, bool)
        or not isinstance(floor, (int, float, np.integer, np.floating))
        or not (np.isfinite(floor) and floor > 0)
    ):
        raise ValueError(f"floor must be a positive, finite number, got {floor!r}")
    if isinstance(analytic, np.ndarray) or isinstance(numerical, np.ndarray):
        analytic, numerical = [analytic], [numerical]
    sequences = (list, tuple)
    if not isinstance(analytic, sequences) or not isinstance(numerical, sequences):
        raise TypeError(
            f"analytic and numerical must be arrays or lists of arrays, got "
            f"{type(analytic).__name__} and {type(numerical).__name__}"
        )
    if len(analytic) != len(numerical):
        raise ValueError(
            f"got {len(analytic)} analytic and {len(numerical)} numerical "
            "gradient arrays"
        )
    worst = 0.0
    for p, (a, n) in enumerate(zip(analytic, numerical)):
        # nan or inf is refused:
        # a gradient that is not a number must never pass the check
        a = check_array(f"analytic[{p}]", a, ndim=(0, 1, 2, 3))
        n = check_array(f"numerical[{p}]", n, ndim=(0, 1, 2, 3))
        if a.shape != n.shape:
            raise ValueError(
                f"gradient {p}: analytic shape {a.shape} "
                f"differs from numerical shape {n.shape}"
            )
        scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), floor)
        worst = max(worst, float(np.max(np.abs(a - n) / scale, initial=0.0)))
    return worst
