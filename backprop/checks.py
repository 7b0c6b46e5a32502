# Generated — edit the notebook, not this file: chapters/90_refused_inputs.ipynb.
# `make export` rewrites it.
"""Appendix: refused inputs.

Each definition below comes from the notebook cell named above it.
"""

__all__ = [
    "HIDDEN",
    "OUTPUTS",
    "ERRORS",
    "RULES",
    "check_array",
    "check_name",
    "check_output_error",
    "check_pair",
    "check_probabilities",
    "check_targets",
    "check_network",
    "check_items",
    "check_in_place",
    "check_layer_sizes",
    "check_learning_rate",
    "check_positive_int",
    "check_seed",
    "check_momentum",
    "check_weight_decay",
    "check_callable",
]


# --- chapters/90_refused_inputs.ipynb, cell 7 ---
import numpy as np

HIDDEN = ("tanh", "logistic", "relu")
OUTPUTS = ("softmax", "logistic", "identity")
ERRORS = ("squared_error", "cross_entropy")
RULES = ("exact", "per_node")
_KINDS = {
    "c": "complex numbers",
    "U": "strings",
    "S": "bytes",
    "O": "values that are not numbers (such as None)",
    "M": "dates",
    "m": "time spans",
    "V": "records",
}


def check_array(name, a, ndim=(1, 2), width=None):
    """Return `a` as a float64 array, or raise an error naming the argument, what was
    expected and what was given.

    Accepted: real numbers (bool, int or float) in a list or array. Refused: None,
    strings, complex numbers, empty arrays, the wrong number of dimensions or values
    per item, and nan or inf.
    """
    if a is None or isinstance(a, (str, bytes)):
        raise TypeError(
            f"{name} must be an array of numbers, got {type(a).__name__}: {a!r:.60}"
        )
    try:
        raw = np.asarray(a)
    except (TypeError, ValueError):  # ragged lists
        raise TypeError(
            f"{name} must be an array of numbers, got {type(a).__name__}: {a!r:.60}"
        ) from None
    if raw.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must be an array of real numbers, "
            f"got {_KINDS.get(raw.dtype.kind, raw.dtype)}: {a!r:.60}"
        )
    array = raw.astype(np.float64, copy=False)
    if array.ndim not in ndim:
        expected = " or ".join(f"{d}-D" for d in ndim)
        raise ValueError(
            f"{name} must be {expected}, got an array of shape {array.shape}"
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape})")
    if width is not None and array.shape[-1] != width:
        raise ValueError(
            f"{name} must have {width} values per item (its last axis), "
            f"got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"{name} contains nan or inf; every value must be a finite number"
        )
    return array


def check_name(name, value, choices):
    """Raise a ValueError unless `value` is one of `choices`;
    the message lists the valid ones."""
    if not isinstance(value, str) or value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise ValueError(
            f"{name}={value!r} is not one of the supported values: {valid}"
        )
    return value


def check_output_error(output, error, error_name="error"):
    """Check an output activation and an error function (the argument called
    `error_name`), and refuse cross-entropy with identity outputs."""
    check_name("output", output, OUTPUTS)
    check_name(error_name, error, ERRORS)
    if output == "identity" and error == "cross_entropy":
        raise ValueError(
            f"{error_name}='cross_entropy' needs probabilities: "
            "use it with output='softmax' or 'logistic', "
            f"or use {error_name}='squared_error' with output='identity'"
        )
    return output, error


def check_pair(t, o, names=("targets", "outputs")):
    """Check targets and outputs as arrays of the same shape;
    returns them as float64 arrays."""
    t, o = check_array(names[0], t), check_array(names[1], o)
    if t.shape != o.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same shape, "
            f"got {t.shape} and {o.shape}"
        )
    return t, o


def check_probabilities(name, p):
    """Refuse values outside [0, 1] where cross-entropy needs probabilities."""
    if np.any((p < 0) | (p > 1)):
        raise ValueError(
            f"{name} must be probabilities in [0, 1] for cross-entropy, "
            f"got values from {p.min():.4g} to {p.max():.4g}"
        )
    return p


def check_targets(name, t, output, error):
    """Refuse targets that cannot be reached by the output: cross-entropy needs targets
    in [0, 1], and with softmax each item's targets must sum to 1 (one-hot classes or
    class probabilities)."""
    if error == "cross_entropy":
        check_probabilities(name, t)
        if output == "softmax":
            sums = np.atleast_2d(t).sum(axis=1)
            bad = np.flatnonzero(np.abs(sums - 1) > 1e-6)
            if bad.size:
                raise ValueError(
                    f"{name} must sum to 1 for each item with softmax and "
                    "cross-entropy (one-hot classes or class probabilities); "
                    f"item {bad[0]} sums to {sums[bad[0]]:.6g}"
                )
    return t


def _transposed(l, weights, biases):
    """A hint for a chain of weight shapes that breaks at layer l: the matrix that fits,
    with its biases, if transposed."""
    previous, current = weights[l - 1].shape, weights[l].shape
    if previous[0] == current[0] and np.shape(biases[l - 1]) == (previous[0],):
        return f"; weights[{l - 1}] {previous} looks transposed"
    if current[1] == previous[1] and np.shape(biases[l]) == (current[0],):
        return f"; weights[{l}] {current} looks transposed"
    return ""


def check_network(weights, biases):
    """Check that a network's weights and biases fit together; returns them as lists of
    float64 arrays.

    weights[l] has one row per node of layer l and one column per node of layer l + 1;
    biases[l] one value per node of layer l + 1. A matrix that fits only when
    transposed is named as such.
    """
    if not isinstance(weights, (list, tuple)) or not isinstance(biases, (list, tuple)):
        raise TypeError(
            f"weights and biases must be lists of arrays, got {type(weights).__name__} "
            f"and {type(biases).__name__}"
        )
    if len(weights) == 0 or len(weights) != len(biases):
        raise ValueError(
            "weights and biases must be non-empty lists of the same length "
            f"(one entry per layer), got {len(weights)} and {len(biases)}"
        )
    weights = [
        check_array(f"weights[{l}]", w, ndim=(2,)) for l, w in enumerate(weights)
    ]
    for l in range(1, len(weights)):
        if weights[l].shape[0] != weights[l - 1].shape[1]:
            raise ValueError(
                f"weights[{l}] has shape {weights[l].shape}: "
                f"its {weights[l].shape[0]} rows must match "
                f"the {weights[l - 1].shape[1]} columns "
                f"of weights[{l - 1}] {weights[l - 1].shape} "
                "(one row per node of the layer below)"
                f"{_transposed(l, weights, biases)}"
            )
    biases = [check_array(f"biases[{l}]", b, ndim=(1,)) for l, b in enumerate(biases)]
    for l, (w, b) in enumerate(zip(weights, biases)):
        if b.shape != (w.shape[1],):
            raise ValueError(
                f"biases[{l}] must have {w.shape[1]} values, "
                f"one per node of layer {l + 1} (the columns of weights[{l}]), "
                f"got shape {b.shape}"
            )
    return weights, biases


def check_items(x, t, weights):
    """Items x and their targets t, checked against the network (x as wide as its
    inputs, t as its outputs) and against each other (the same items); returns both as
    float64 arrays."""
    x = check_array("x", x, width=weights[0].shape[0])
    t = check_array("t", t, width=weights[-1].shape[1])
    if x.shape[:-1] != t.shape[:-1]:
        raise ValueError(
            "x and t must hold the same items: "
            f"got x of shape {x.shape} and t of shape {t.shape}"
        )
    return x, t


def check_in_place(weights, biases):
    """Refuse weights and biases that cannot be changed in place:
    they must be writeable float64 numpy arrays."""
    for name, arrays in (("weights", weights), ("biases", biases)):
        if not isinstance(arrays, (list, tuple)):
            raise TypeError(
                f"{name} must be a list of arrays, got {type(arrays).__name__}"
            )
        for l, a in enumerate(arrays):
            if not isinstance(a, np.ndarray) or a.dtype != np.float64:
                got = (
                    f"an array of {a.dtype}"
                    if isinstance(a, np.ndarray)
                    else f"a {type(a).__name__}"
                )
                raise TypeError(
                    f"{name}[{l}] must be a float64 numpy array, changed in place; "
                    f"got {got}"
                )
            if not a.flags.writeable:
                raise ValueError(
                    f"{name}[{l}] is read-only; "
                    "the network's arrays are changed in place"
                )


def check_layer_sizes(layer_sizes):
    """Check a network's layer sizes: two or more positive ints
    (inputs, hidden layers..., outputs), in a list, a tuple or a 1-D array."""
    is_sequence = isinstance(layer_sizes, (list, tuple)) or (
        isinstance(layer_sizes, np.ndarray) and layer_sizes.ndim == 1
    )
    sizes = list(layer_sizes) if is_sequence else None
    if sizes is None or len(sizes) < 2:
        raise ValueError(
            "layer_sizes must be a list of at least two sizes (inputs, ..., outputs), "
            f"got {layer_sizes!r}"
        )
    for l, n in enumerate(sizes):
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)):
            raise TypeError(
                f"layer_sizes[{l}] must be a positive int, "
                f"got {type(n).__name__}: {n!r}"
            )
        if n < 1:
            raise ValueError(f"layer_sizes[{l}] must be a positive int, got {n!r}")
    return [int(n) for n in sizes]


def check_learning_rate(learning_rate, name="learning_rate"):
    """Check that a learning rate is a positive, finite number;
    returns it as a float."""
    if isinstance(learning_rate, bool) or not isinstance(
        learning_rate, (int, float, np.integer, np.floating)
    ):
        raise TypeError(
            f"{name} must be a number, "
            f"got {type(learning_rate).__name__}: {learning_rate!r}"
        )
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"{name} must be positive and finite, got {learning_rate!r}")
    return float(learning_rate)


def check_positive_int(name, value):
    """Check that a count (epochs, batch size, ...) is a positive int;
    returns it as an int."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{name} must be a positive int, got {type(value).__name__}: {value!r}"
        )
    if value < 1:
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return int(value)


def check_seed(seed):
    """Check a seed for numpy's generator: an int ≥ 0."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}: {seed!r}")
    if seed < 0:
        raise ValueError(f"seed must be an int ≥ 0, got {seed!r}")
    return int(seed)


def _check_real(name, value, expected, valid):
    """Check a real number (not a bool) for which valid(value) holds; returns it as a
    float. `expected` says what is wanted, for the message."""
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(
            f"{name} must be {expected}, got {type(value).__name__}: {value!r}"
        )
    if not valid(value):
        raise ValueError(f"{name} must be {expected}, got {value!r}")
    return float(value)


def check_momentum(momentum):
    """Check a momentum μ: a number in [0, 1); returns it as a float."""
    return _check_real("momentum", momentum, "a number in [0, 1)", lambda m: 0 <= m < 1)


def check_weight_decay(weight_decay):
    """Check a weight decay λ: a finite number ≥ 0; returns it as a float."""
    return _check_real(
        "weight_decay",
        weight_decay,
        "a finite number ≥ 0",
        lambda decay: np.isfinite(decay) and decay >= 0,
    )


def check_callable(name, f):
    """Refuse an argument that should be a function but is not."""
    if not callable(f):
        raise TypeError(f"{name} must be a function, got {type(f).__name__}: {f!r:.60}")
    return f
