"""Every refused input of the reference page (chapters/90_refused_inputs.ipynb), checked again by its row number:
the error's type, and a message that names the argument."""

import json
import re

import numpy as np
import pytest

from backprop import (Network, cross_entropy, error, forward, load_iris, numerical_gradient, output_signals,
                      running_network, update, worst_relative_error)
from conftest import ROOT

X, T, _ = load_iris()
x, t, weights, biases = running_network()


def net():
    return Network([4, 7, 3], seed=0)


CASES = {  # row: (argument named in the message, error type, the refused call)
    1: ("layer_sizes", ValueError, lambda: Network([4])),
    2: ("layer_sizes", ValueError, lambda: Network([4, 0, 3])),
    3: ("hidden", ValueError, lambda: Network([4, 7, 3], hidden="sigmoid")),
    4: ("output", ValueError, lambda: Network([4, 7, 3], output="linear")),
    5: ("error", ValueError, lambda: Network([4, 7, 3], error="mse")),
    6: ("error", ValueError, lambda: Network([4, 7, 3], output="identity", error="cross_entropy")),
    7: ("X", TypeError, lambda: net().forward([["a", "b", "c", "d"]])),
    8: ("X", ValueError, lambda: net().forward(np.zeros((2, 2, 4)))),
    9: ("X", ValueError, lambda: net().forward(X[:, :2])),
    10: ("X", ValueError, lambda: net().forward(np.zeros((0, 4)))),
    11: ("X", ValueError, lambda: net().forward(np.array([1.0, np.nan, 0.0, 2.0]))),
    12: ("T", ValueError, lambda: net().error(X, T[:, :1])),
    13: ("X", ValueError, lambda: net().error(X[:3], T[:4])),
    14: ("T", ValueError, lambda: net().error(X, -T)),
    15: ("T", ValueError, lambda: net().train(X, np.full((150, 3), 0.2), epochs=1)),
    16: ("learning_rate", ValueError, lambda: net().train(X, T, learning_rate=float("nan"))),
    17: ("learning_rate", TypeError, lambda: net().train(X, T, learning_rate=None)),
    18: ("epochs", TypeError, lambda: net().train(X, T, epochs=2.5)),
    19: ("batch_size", ValueError, lambda: net().train(X, T, batch_size=-4)),
    20: ("momentum", ValueError, lambda: net().train(X, T, momentum=-0.1)),
    21: ("rule", ValueError, lambda: net().gradients(X, T, rule="summary")),
    22: ("weights", ValueError, lambda: forward(x, [weights[0], weights[1].T], biases)),
    23: ("biases", ValueError, lambda: forward(x, weights, [biases[0], biases[1][:1]])),
    24: ("gradients", ValueError, lambda: update(weights, biases, [(np.zeros((3, 4)), np.zeros(4))])),
    25: ("outputs", ValueError, lambda: cross_entropy(t, np.array([2.0, -1.0]))),
    26: ("targets", ValueError, lambda: output_signals(np.ones(4), np.ones(3) / 3)),
    27: ("params", TypeError, lambda: numerical_gradient(lambda: 0.0, [np.array([1, 2])])),
    28: ("X", TypeError, lambda: net().forward([None, 1.0, 2.0, 3.0])),
    29: ("X", TypeError, lambda: net().forward(np.ones(4) * 1j)),
    30: ("X", TypeError, lambda: net().forward([["1", "2", "3", "4"]])),
    31: ("seed", ValueError, lambda: Network([4, 7, 3], seed=-5)),
    32: ("output", ValueError, lambda: Network([4, 2, 1], output="softmax")),
    33: ("weights", ValueError, lambda: forward(x, [weights[0], weights[1]][::-1], biases)),
    34: ("weights", TypeError, lambda: update([weights[0].tolist(), weights[1]], biases,
                                              [(np.zeros((3, 4)), np.zeros(4)), (np.zeros((4, 2)), np.zeros(2))])),
    35: ("E", TypeError, lambda: numerical_gradient(1.5, [np.ones(2)])),
    36: ("step", ValueError, lambda: numerical_gradient(lambda: 0.0, [np.full(2, 1e6)], step=1e-12)),
    37: ("analytic", ValueError, lambda: worst_relative_error([np.array([np.inf])], [np.array([1.0])])),
    38: ("kind", ValueError, lambda: error([1.0, 0.0], [0.5, 0.5], kind="squared")),
    39: ("weight_decay", ValueError, lambda: net().train(X, T, weight_decay=np.nan)),
}


def table():
    """Rows of the reference page's table, as stored in the executed notebook: {number: (argument, error type)}."""
    cells = json.loads((ROOT / "chapters" / "90_refused_inputs.ipynb").read_text())["cells"]
    markdown = "".join("".join(output.get("data", {}).get("text/markdown", ""))
                       for cell in cells if cell["cell_type"] == "code" for output in cell["outputs"])
    return {int(number): (argument, kind)
            for number, argument, kind in re.findall(r"^\| (\d+) \| `(\w+)` \| [^|]+ \| `(\w+)` \|", markdown, re.M)}


def test_every_row_of_the_reference_table_has_a_case_here():
    rows = table()
    assert len(rows) >= 25 and sorted(rows) == sorted(CASES)
    for number, (argument, kind) in rows.items():
        assert (argument, kind) == (CASES[number][0], CASES[number][1].__name__), f"row {number}"


@pytest.mark.parametrize("number", sorted(CASES))
def test_the_refusal_has_its_type_and_names_the_argument(number):
    argument, kind, call = CASES[number]
    with pytest.raises(kind) as refused:
        call()
    assert type(refused.value) is kind
    assert re.search(rf"(^|\W){re.escape(argument)}(\W|$)", str(refused.value)), str(refused.value)


def test_a_refused_call_leaves_the_network_unchanged():
    network = net()
    before = [a.copy() for a in network.weights + network.biases]
    refused = [lambda: network.error(X, T[:, :1]), lambda: network.train(X, np.full((150, 3), 0.2), epochs=1),
               lambda: network.train(X, T, learning_rate=float("nan")), lambda: network.train(X, T, epochs=0),
               lambda: network.train(X, T, momentum=-0.1), lambda: network.gradients(X, T, rule="summary"),
               lambda: network.update([(np.zeros((4, 7)), np.zeros(7))], 0.1)]
    for call in refused:
        with pytest.raises((ValueError, TypeError)):
            call()
    assert all(np.array_equal(a, b) for a, b in zip(before, network.weights + network.biases))
