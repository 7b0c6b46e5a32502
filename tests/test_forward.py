"""Chapter 1: activations, error functions, the forward pass and the starting weights, against their definitions."""

import math

import numpy as np
import pytest

import backprop
from backprop import (binary_cross_entropy, cross_entropy, error, forward, init_weights, logistic, relu,
                      running_network, softmax, squared_error, tanh)

SCALAR = {"tanh": math.tanh, "logistic": lambda z: 1.0 / (1.0 + math.exp(-z)), "relu": lambda z: max(z, 0.0)}


def forward_by_hand(x, weights, biases, hidden, output):
    """The forward pass with plain Python floats and loops: equations (eq-hidden) and (eq-output) as written."""
    values = [list(map(float, x))]
    for l, (w, b) in enumerate(zip(weights, biases)):
        z = [b[q] + sum(values[-1][p] * w[p][q] for p in range(len(values[-1]))) for q in range(len(b))]
        if l < len(weights) - 1:
            values.append([SCALAR[hidden](v) for v in z])
        elif output == "softmax":
            exps = [math.exp(v) for v in z]
            values.append([e / sum(exps) for e in exps])
        elif output == "logistic":
            values.append([SCALAR["logistic"](v) for v in z])
        else:
            values.append(z)
    return values


def test_running_network_forward_pass_by_hand():
    x, t, weights, biases = running_network()
    h_expected = [math.tanh(z) for z in (-0.35, -0.10, 0.85, 0.05)]  # the sums worked out in chapter 1
    _, h, o = forward(x, weights, biases, hidden="tanh", output="softmax")
    np.testing.assert_allclose(h, h_expected, rtol=0, atol=1e-15)
    z1 = 0.05 + 0.2 * h_expected[0] + 0.5 * h_expected[1] - 0.4 * h_expected[2] + 0.3 * h_expected[3]
    z2 = -0.05 - 0.3 * h_expected[0] + 0.1 * h_expected[1] + 0.2 * h_expected[2] - 0.6 * h_expected[3]
    np.testing.assert_allclose(o, [1 / (1 + math.exp(z2 - z1)), 1 / (1 + math.exp(z1 - z2))], rtol=1e-14)


@pytest.mark.parametrize("hidden", ["tanh", "logistic", "relu"])
@pytest.mark.parametrize("output", ["softmax", "logistic", "identity"])
@pytest.mark.parametrize("sizes, seed", [([3, 4, 2], 0), ([5, 3, 3], 1), ([2, 6, 4, 3], 2), ([4, 1], 3)])
def test_forward_matches_loops_for_every_activation(hidden, output, sizes, seed):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(size=b) for b in sizes[1:]]
    X = rng.normal(size=(5, sizes[0]))
    values = forward(X, weights, biases, hidden=hidden, output=output)
    assert [v.shape for v in values] == [(5, n) for n in sizes]
    for n in range(5):
        expected = forward_by_hand(X[n], weights, biases, hidden, output)
        for got, want in zip(values, expected):
            np.testing.assert_allclose(got[n], want, rtol=1e-12, atol=1e-14)
        one = forward(X[n], weights, biases, hidden=hidden, output=output)  # a 1-D item gives 1-D values
        assert one[-1].shape == (sizes[-1],)
        np.testing.assert_allclose(one[-1], values[-1][n], rtol=1e-13)


def test_softmax_rows_sum_to_one_and_stay_finite_at_large_sums():
    Z = np.array([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [1000.0, 1000.0, 999.0], [0.1, 0.2, 0.3]])
    O = softmax(Z)
    assert np.all(np.isfinite(O)) and np.all(O >= 0)
    np.testing.assert_allclose(O.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    np.testing.assert_allclose(O[0], [1.0, 0.0, 0.0], atol=1e-300)
    np.testing.assert_allclose(O[1], [1 / 3] * 3, rtol=1e-15)
    e = math.exp(-1.0)
    np.testing.assert_allclose(O[2], [1 / (2 + e), 1 / (2 + e), e / (2 + e)], rtol=1e-15)
    exps = np.exp(Z[3])
    np.testing.assert_allclose(O[3], exps / exps.sum(), rtol=1e-15)


def test_softmax_is_unchanged_by_a_common_shift():
    z = np.random.default_rng(4).normal(size=(6, 5))
    for c in (-50.0, 3.0, 700.0):
        np.testing.assert_allclose(softmax(z + c), softmax(z), rtol=1e-12)


def test_hidden_activations_against_their_definitions():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(logistic(z), [1 / (1 + math.exp(-v)) for v in z], rtol=1e-15)
    np.testing.assert_allclose(tanh(z), [math.tanh(v) for v in z], rtol=1e-15)
    np.testing.assert_array_equal(relu(z), [max(v, 0.0) for v in z])
    big = logistic(np.array([-1000.0, 1000.0]))
    assert np.all(np.isfinite(big)) and big[0] == 0.0 and big[1] == 1.0
    np.testing.assert_allclose(logistic(-z), 1 - logistic(z), atol=1e-15)


def test_squared_error_against_its_definition():
    t = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    o = np.array([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]])
    items = [0.5 * sum((t[n, k] - o[n, k]) ** 2 for k in range(3)) for n in range(2)]
    assert squared_error(t, o) == pytest.approx(sum(items) / 2, rel=1e-15)
    assert squared_error(t[0], o[0]) == pytest.approx(items[0], rel=1e-15)
    assert squared_error(t, t) == 0.0


def test_cross_entropy_against_its_definition():
    t = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    o = np.array([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]])
    assert cross_entropy(t, o) == pytest.approx((-math.log(0.7) - math.log(0.4)) / 2, rel=1e-15)
    assert cross_entropy(t[1], o[1]) == pytest.approx(-math.log(0.4), rel=1e-15)
    # 0 · ln 0 counts as 0: an output of exactly 0 where the target is 0 costs nothing.
    assert cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0


def test_binary_cross_entropy_against_its_definition():
    t = np.array([1.0, 0.0, 1.0])
    o = np.array([0.9, 0.2, 0.6])
    expected = -sum(tk * math.log(ok) + (1 - tk) * math.log(1 - ok) for tk, ok in zip(t, o))
    assert binary_cross_entropy(t, o) == pytest.approx(expected, rel=1e-15)
    assert binary_cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_error_dispatches_on_the_error_and_output():
    t, o = np.array([1.0, 0.0]), np.array([0.8, 0.3])
    assert error(t, o, "squared_error", "identity") == squared_error(t, o)
    assert error(t, o, "cross_entropy", "softmax") == cross_entropy(t, o)
    assert error(t, o, "cross_entropy", "logistic") == binary_cross_entropy(t, o)
    with pytest.raises(ValueError, match="'cross_entropy' needs probabilities"):
        error(t, o, "cross_entropy", "identity")
    with pytest.raises(ValueError, match=r"kind='mse' is not one of .*'squared_error', 'cross_entropy'"):
        error(t, o, "mse")


def test_batch_error_is_the_mean_over_items():
    x, t, weights, biases = running_network()
    X = np.random.default_rng(5).normal(size=(7, 3))
    T = np.eye(2)[np.arange(7) % 2]
    O = forward(X, weights, biases)[-1]
    for kind in ("squared_error", "cross_entropy"):
        assert error(T, O, kind) == pytest.approx(np.mean([error(T[n], O[n], kind) for n in range(7)]), rel=1e-14)


def test_init_weights_is_seeded_shaped_and_bounded():
    weights, biases = init_weights([4, 7, 3], seed=11)
    again, _ = init_weights([4, 7, 3], seed=11)
    other, _ = init_weights([4, 7, 3], seed=12)
    assert [w.shape for w in weights] == [(4, 7), (7, 3)] and [b.shape for b in biases] == [(7,), (3,)]
    assert all(w.dtype == np.float64 for w in weights)
    assert all(np.array_equal(a, b) for a, b in zip(weights, again))
    assert not np.array_equal(weights[0], other[0])
    assert all(np.all(b == 0) for b in biases)
    for w in weights:
        limit = math.sqrt(6 / sum(w.shape))
        assert np.all(np.abs(w) <= limit) and np.abs(w).max() > 0.5 * limit


@pytest.mark.parametrize("sizes, kind, message", [
    ([3], ValueError, "at least two sizes"), (5, ValueError, "at least two sizes"),
    ([3, 0, 2], ValueError, r"layer_sizes\[1\] must be a positive int"),
    ([3, 2.5, 2], TypeError, r"layer_sizes\[1\] must be a positive int, got float"),
    ([3, True], TypeError, r"layer_sizes\[1\]"),
])
def test_init_weights_refuses_bad_layer_sizes(sizes, kind, message):
    with pytest.raises(kind, match=message):
        init_weights(sizes)


def test_bad_inputs_get_errors_that_name_the_problem():
    x, t, weights, biases = running_network()
    with pytest.raises(ValueError, match=r"hidden='sigmoid' is not one of .*'tanh', 'logistic', 'relu'"):
        forward(x, weights, biases, hidden="sigmoid")
    with pytest.raises(ValueError, match=r"output='tanh' is not one of .*'softmax', 'logistic', 'identity'"):
        forward(x, weights, biases, output="tanh")
    with pytest.raises(ValueError, match=r"x must have 3 values per item .* got shape \(2,\)"):
        forward(x[:2], weights, biases)
    with pytest.raises(ValueError, match=r"x must be 1-D or 2-D, got an array of shape \(1, 1, 3\)"):
        forward(x.reshape(1, 1, 3), weights, biases)
    with pytest.raises(ValueError, match="x contains nan or inf"):
        forward(np.array([1.0, np.nan, 0.0]), weights, biases)
    with pytest.raises(TypeError, match="x must be an array of (real )?numbers"):
        forward(["a", "b", "c"], weights, biases)
    with pytest.raises(ValueError, match=r"x is empty"):
        forward(np.zeros((0, 3)), weights, biases)
    with pytest.raises(ValueError, match=r"weights\[1\] has shape \(3, 2\): its 3 rows must match the 4 columns"):
        forward(x, [weights[0], weights[1][:3]], biases)
    with pytest.raises(ValueError, match=r"biases\[0\] must have 4 values"):
        forward(x, weights, [biases[0][:3], biases[1]])
    with pytest.raises(ValueError, match="same length"):
        forward(x, weights, biases[:1])
    with pytest.raises(ValueError, match=r"targets and outputs must have the same shape, got \(2,\) and \(3,\)"):
        squared_error(t, np.zeros(3))
    with pytest.raises(ValueError, match=r"outputs must be probabilities in \[0, 1\] for cross-entropy"):
        cross_entropy(t, np.array([1.5, -0.5]))


def test_running_network_gives_fresh_arrays():
    _, _, weights, _ = running_network()
    weights[0][0, 0] = 99.0
    assert running_network()[2][0][0, 0] == 0.10


def test_draw_network_draws_every_node_and_edge():
    import matplotlib

    matplotlib.use("Agg")  # off-screen; set here, not in the environment, which nbval's kernels would inherit
    import matplotlib.pyplot as plt
    from matplotlib.text import Annotation

    x, t, weights, biases = running_network()
    _, h, o = forward(x, weights, biases)
    ax = backprop.draw_network(weights, biases, values=[x, h, o])
    texts = [text.get_text() for text in ax.texts]
    assert len(ax.patches) == 3 + 4 + 2  # one circle per node
    assert len([a for a in ax.texts if isinstance(a, Annotation)]) == 3 * 4 + 4 * 2  # one arrow per weight
    assert "-0.50" in texts and "0.383" in texts and "b = 0.05" in texts
    plt.close("all")
    with pytest.raises(ValueError, match=r"weights\[1\] has 3 rows, but layer 1 has 4 nodes"):
        backprop.draw_network([weights[0], weights[1][:3]])
