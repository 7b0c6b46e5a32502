"""The computations behind the explorers (chapters 2, 5, 7, 8), and the book's local Sphinx extension."""

import numpy as np
import pytest

from backprop import (activation_curves, iris_regions, learning_rate_paths, numerical_gradient, output_signal_curves,
                      output_signals, softmax)


def test_learning_rate_paths_follow_the_parabola_formula():
    for eta in (0.05, 1.0, 1.7, 2.1):
        paths = learning_rate_paths(eta, steps=12)
        n = np.arange(13)
        np.testing.assert_allclose(paths["parabola_w"], 2.0 - 2.0 * (1 - eta) ** n, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(paths["parabola_E"], 0.5 * (paths["parabola_w"] - 2) ** 2, rtol=1e-12)


def test_learning_rate_paths_on_the_network_converge_or_diverge_as_chapter_2_predicts():
    slow, smooth, wild = (learning_rate_paths(eta)["network_E"] for eta in (0.05, 1.0, 4.5))
    assert np.all(np.diff(slow) < 0) and slow[-1] > 0.1         # creeping down
    assert smooth[-1] == pytest.approx(0.5 * 0.14918473 ** 2, rel=1e-4)  # at the floor ½ o_2²
    assert wild[-1] > 100 * wild[0]                              # η > 2 / h_3² = 4.19 diverges
    with pytest.raises(ValueError, match="learning_rate must be positive"):
        learning_rate_paths(-1.0)
    with pytest.raises(ValueError, match="steps must be a positive int"):
        learning_rate_paths(0.1, steps=0)


@pytest.mark.parametrize("output, error", [("identity", "squared_error"), ("logistic", "squared_error"),
                                           ("logistic", "cross_entropy"), ("softmax", "cross_entropy"),
                                           ("softmax", "squared_error")])
def test_output_signal_curves_are_the_chapter_5_signals(output, error):
    z = np.linspace(-3, 3, 13)
    curves = output_signal_curves(output, error, z)
    Z = np.column_stack([z, np.zeros_like(z)])
    o = {"softmax": softmax, "logistic": lambda a: 1 / (1 + np.exp(-a)), "identity": lambda a: a}[output](Z)
    np.testing.assert_allclose(curves["o"], o[:, 0], rtol=1e-12)
    np.testing.assert_allclose(curves["exact"], output_signals(np.tile([1.0, 0.0], (13, 1)), o, output, error)[:, 0],
                               rtol=1e-12)
    if output == "softmax" and error == "squared_error":
        np.testing.assert_allclose(curves["exact"], 2 * curves["per_node"], rtol=1e-12)
    zz = z.copy()
    g = {"softmax": lambda: softmax(np.column_stack([zz, np.zeros_like(zz)]))[:, 0].sum(),
         "logistic": lambda: (1 / (1 + np.exp(-zz))).sum(), "identity": lambda: zz.sum()}[output]
    np.testing.assert_allclose(curves["derivative"], -numerical_gradient(g, zz), rtol=1e-7, atol=1e-10)


def test_output_signal_curves_refuse_identity_with_cross_entropy():
    with pytest.raises(ValueError, match="'cross_entropy' needs probabilities"):
        output_signal_curves("identity", "cross_entropy")


@pytest.mark.parametrize("activation", ["tanh", "logistic", "relu"])
def test_activation_curves_derivative_and_signal(activation):
    z = np.concatenate([np.linspace(-3, -0.05, 20), np.linspace(0.05, 3, 20)])
    curves = activation_curves(activation, incoming=-0.7, z=z)
    zz = z.copy()
    numerical = -numerical_gradient(lambda: activation_curves(activation, 1.0, zz)["h"].sum(), zz)
    np.testing.assert_allclose(curves["derivative"], numerical, rtol=1e-7, atol=1e-10)
    np.testing.assert_allclose(curves["signal"], -0.7 * curves["derivative"], rtol=1e-15)
    with pytest.raises(ValueError, match="activation='softplus' is not one of"):
        activation_curves("softplus")
    with pytest.raises(ValueError, match="incoming contains nan"):
        activation_curves(activation, incoming=float("nan"))


def test_iris_regions_trains_records_and_repeats():
    result = iris_regions(hidden_units=7, learning_rate=0.05, epochs=12, snapshots=4)
    again = iris_regions(hidden_units=7, learning_rate=0.05, epochs=12, snapshots=4)
    assert [epoch for epoch, _ in result["regions"]] == [3, 6, 9, 12]
    assert result["regions"][0][1].shape == (len(result["width"]), len(result["length"]))
    assert set(np.unique(result["regions"][-1][1])) == {0, 1, 2}
    assert len(result["history"]) == 12 and result["history"][-1] < result["history"][0]
    assert result["test_accuracy"] >= 0.9
    assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(result["regions"], again["regions"]))
    with pytest.raises(ValueError, match="hidden_units must be a positive int"):
        iris_regions(hidden_units=0)


def test_the_sphinx_extension_drops_duplicate_inline_scripts():
    from sphinx.builders.html._assets import _JavaScript

    from backprop._sphinx import drop_duplicate_scripts

    scripts = [_JavaScript("_static/a.js"), _JavaScript(None, body="const A = 1"), _JavaScript("", body="const A = 1"),
               _JavaScript("", body="const B = 2"), _JavaScript("_static/a.js")]
    context = {"script_files": scripts}
    drop_duplicate_scripts(None, "page", "page.html", context, None)
    assert context["script_files"] == [scripts[0], scripts[1], scripts[3]]
