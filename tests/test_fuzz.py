"""Every public function, fed random bad arguments: it raises a ValueError or TypeError that names the argument, or
returns finite results; and when it raises, it has changed none of its inputs.

One argument at a time is replaced by a value drawn from a pool of classic mistakes (None, strings, nan, inf, complex
numbers, empty, ragged or mis-shaped arrays, negative or fractional counts, huge numbers, functions where numbers
belong, ...); the other arguments stay valid. Derandomised, so every run tries the same cases.
"""

import copy

import matplotlib
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backprop
from backprop import running_network

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

BAD = [None, "abc", "1.5", b"1", [], {}, (), True, 0, -1, 2.5, -0.5, 1e308, -1e308, float("nan"), float("inf"), 1j,
       [1.0, None], [[1.0, 2.0], [3.0]], ["1", "2", "3"], np.array([np.nan, 1.0]), np.array([np.inf]), np.zeros(0),
       np.zeros((2, 2, 2)), np.ones(3), np.ones(7), np.ones((7, 9)), np.ones(4) + 1j, -np.ones((2, 3)),
       1e300 * np.ones((3, 4)), lambda: 0.0, np.int64(-3), np.float64("nan"), [np.ones((3, 4))], "tanh", "sigmoid"]


def network_arguments():
    x, t, weights, biases = running_network()
    return {"x": x, "t": t, "weights": weights, "biases": biases}


def gradients_of(weights, biases):
    return [(np.full_like(w, 0.1), np.full_like(b, 0.1)) for w, b in zip(weights, biases)]


def valid_arguments(name):
    """A valid call of public function `name`: (function, keyword arguments, {argument: names its message may use})."""
    x, t, weights, biases = running_network()
    o = backprop.softmax(np.array([0.3, -0.2]))
    z = np.array([0.5, -1.0, 2.0])
    aliases = {"t": ["t", "targets"], "o": ["o", "outputs"], "targets": ["targets"], "outputs": ["outputs"],
               "weights": ["weights"], "biases": ["biases"], "kind": ["kind"], "x": ["x"]}
    calls = {
        "logistic": {"z": z}, "tanh": {"z": z}, "relu": {"z": z}, "identity": {"z": z}, "softmax": {"z": z},
        "log_softmax": {"z": z},
        "squared_error": {"t": t, "o": o}, "cross_entropy": {"t": t, "o": o}, "binary_cross_entropy": {"t": t, "o": o},
        "error": {"t": t, "o": o, "kind": "cross_entropy", "output": "softmax"},
        "forward": {"x": x, "weights": weights, "biases": biases, "hidden": "tanh", "output": "softmax"},
        "network_error": {"x": x, "t": t, "weights": weights, "biases": biases, "hidden": "tanh", "output": "softmax",
                          "kind": "cross_entropy"},
        "init_weights": {"layer_sizes": [3, 4, 2], "seed": 0},
        "update": {"weights": weights, "biases": biases, "gradients": gradients_of(weights, biases),
                   "learning_rate": 0.1},
        "descent_path": {"gradient": lambda w: -(w - 2.0), "w": 0.0, "learning_rate": 0.1, "steps": 5},
        "learning_rate_paths": {"learning_rate": 0.3, "steps": 5},
        "error_derivative": {"t": t, "o": o, "kind": "cross_entropy", "output": "softmax"},
        "numerical_gradient": {"E": lambda: float(np.sum(weights[0] ** 2)), "params": weights, "step": 1e-5},
        "worst_relative_error": {"analytic": [np.ones(3)], "numerical": [np.ones(3)], "floor": 1e-4},
        "weight_gradients": {"signals": np.array([0.2, -0.1]), "inputs": np.array([0.5, 0.1, -0.3, 0.2])},
        "output_signals": {"targets": t, "outputs": o, "output": "softmax", "error": "cross_entropy", "rule": "exact"},
        "logistic_derivative": {"o": o}, "softmax_jacobian": {"o": o},
        "output_signal_curves": {"output": "softmax", "error": "cross_entropy", "z": z},
        "hidden_signals": {"next_signals": np.array([0.2, -0.1]), "weights": weights[1],
                           "hidden_values": np.array([0.1, -0.2, 0.3, 0.4]), "activation": "tanh"},
        "hidden_derivative": {"h": np.array([0.1, -0.5]), "activation": "tanh"},
        "backward": {"x": x, "t": t, "weights": weights, "biases": biases, "hidden": "tanh", "output": "softmax",
                     "error": "cross_entropy", "rule": "exact"},
        "activation_curves": {"activation": "tanh", "incoming": 1.0, "z": z},
        "Network": {"layer_sizes": [3, 4, 2], "hidden": "tanh", "output": "softmax", "error": "cross_entropy",
                    "seed": 0},
        "draw_network": {"weights": weights, "biases": biases, "values": None, "names": None, "title": None,
                         "flow": "forward", "highlight": None, "edge_labels": True},
        "iris_regions": {"hidden_units": 3, "learning_rate": 0.05, "epochs": 2, "hidden": "tanh",
                         "error": "cross_entropy", "seed": 0, "snapshots": 2},
        "stratified_split": {"labels": np.repeat(np.arange(3), 10), "fractions": (0.6, 0.2, 0.2), "seed": 0},
        "gradient_costs": {"layer_sizes": [3, 4, 2], "items": 5},
        "Node": {"value": z, "parents": (), "op": ""},
        "error_graph": {"x": x, "t": t, "weights": weights, "biases": biases, "hidden": "tanh", "output": "softmax",
                        "error": "cross_entropy"},
        "engine_gradients": {"x": x, "t": t, "weights": weights, "biases": biases, "hidden": "tanh",
                             "output": "softmax", "error": "cross_entropy"},
    }
    return getattr(backprop, name), calls[name], aliases


def network_method_arguments(method):
    net = backprop.Network([3, 4, 2], seed=0)
    x, t, _, _ = running_network()
    calls = {"forward": {"X": x}, "error": {"X": x, "T": t}, "accuracy": {"X": x, "T": t},
             "gradients": {"X": x, "T": t, "rule": "exact"},
             "step": {"X": x, "T": t, "learning_rate": 0.05, "rule": "exact"},
             "update": {"gradients": gradients_of(net.weights, net.biases), "learning_rate": 0.05},
             "train": {"X": x[None, :], "T": t[None, :], "learning_rate": 0.05, "epochs": 2, "batch_size": 1,
                       "seed": 0, "momentum": 0.0, "weight_decay": 0.0, "rule": "exact", "report_every": None}}
    return net, getattr(net, method), calls[method]


def finite(result):
    """True if every number in a result (arrays, floats, lists, dicts, tuples, Networks) is finite."""
    if isinstance(result, dict):
        return all(finite(v) for v in result.values())
    if isinstance(result, (list, tuple)):
        return all(finite(v) for v in result)
    if isinstance(result, backprop.Network):
        return finite(result.weights + result.biases)
    if isinstance(result, (np.ndarray, float, int, np.floating)):
        array = np.asarray(result)
        return array.dtype.kind not in "fc" or bool(np.all(np.isfinite(array)))
    return True


def same(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return True


def check_call(function, arguments, bad_name, names, others=()):
    saved = {key: copy.deepcopy(value) for key, value in arguments.items() if not callable(value)}
    saved_others = [copy.deepcopy(a) for a in others]
    try:
        with np.errstate(all="ignore"):
            result = function(**arguments)
    except (ValueError, TypeError, FloatingPointError) as problem:
        message = str(problem)
        assert any(name in message for name in names), f"{function.__name__}({bad_name}=...): {message!r}"
        for key, value in saved.items():
            assert same(arguments[key], value), f"{function.__name__} changed {key} and then raised: {message}"
        for before, after in zip(saved_others, others):
            assert same(after, before), f"{function.__name__} changed the network and then raised: {message}"
    else:
        assert finite(result), f"{function.__name__}({bad_name}={arguments[bad_name]!r:.60}) returned non-finite"
    finally:
        plt.close("all")


def corrupt_one(arguments, data):
    """Replace one argument, drawn at random, by a value from the pool of mistakes; return its name."""
    bad_name = data.draw(st.sampled_from(sorted(arguments)), label="argument")
    arguments[bad_name] = data.draw(st.sampled_from(BAD), label="bad value")
    return bad_name


NO_ARGUMENTS = ("running_network", "load_iris", "load_digits")
FUNCTIONS = [name for name in backprop.__all__ if name not in NO_ARGUMENTS]
FUZZ = settings(max_examples=25, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", FUNCTIONS)
@FUZZ
@given(data=st.data())
def test_a_public_function_refuses_bad_arguments_by_name_or_returns_finite_results(name, data):
    function, arguments, aliases = valid_arguments(name)
    bad_name = corrupt_one(arguments, data)
    check_call(function, arguments, bad_name, aliases.get(bad_name, [bad_name]))


METHODS = ["forward", "error", "accuracy", "gradients", "step", "update", "train"]


@pytest.mark.parametrize("method", METHODS)
@FUZZ
@given(data=st.data())
def test_a_network_method_refuses_bad_arguments_by_name_or_returns_finite_results(method, data):
    net, function, arguments = network_method_arguments(method)
    bad_name = corrupt_one(arguments, data)
    check_call(function, arguments, bad_name, [bad_name], others=[net.weights, net.biases])


def test_the_fuzz_covers_every_public_function():
    assert set(FUNCTIONS) | set(NO_ARGUMENTS) == set(backprop.__all__)
