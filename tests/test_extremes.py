"""Numerical soundness at the extremes: activations at sums of ±1e4, cross-entropy and its gradient when the outputs
saturate, and training that diverges."""

import numpy as np
import pytest

from backprop import Network, backward, logistic, network_error, log_softmax, softmax, tanh


def test_softmax_and_logistic_at_sums_of_ten_thousand():
    Z = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, -1e4], [1e4, 1e4 - 1.0, -1e4]])
    O = softmax(Z)
    assert np.all(np.isfinite(O))
    np.testing.assert_array_equal(O[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(O[1], [1 / 3] * 3, rtol=1e-15)
    e = np.exp(-1.0)
    np.testing.assert_allclose(O[2], [1 / (1 + e), e / (1 + e), 0.0], rtol=1e-15)
    L = logistic(np.array([-1e4, -50.0, 0.0, 50.0, 1e4]))
    assert np.all(np.isfinite(L))
    np.testing.assert_allclose(L, [0.0, np.exp(-50.0) / (1 + np.exp(-50.0)), 0.5, 1 / (1 + np.exp(-50.0)), 1.0],
                               rtol=1e-15, atol=0)
    assert np.all(np.isfinite(tanh(np.array([-1e4, 1e4]))))
    np.testing.assert_allclose(log_softmax(Z[0]), [0.0, -2e4, -1e4], rtol=1e-15)


def one_layer(output):
    """A network with no hidden layer whose output sums equal its inputs (identity weights, zero biases)."""
    return [np.eye(2)], [np.zeros(2)]


@pytest.mark.parametrize("output, z, t, expected", [
    ("softmax", [1e4, 0.0], [0.0, 1.0], 1e4),         # −ln o_2 = 1e4, although o_2 rounds to 0
    ("softmax", [-1e4, 1e4], [1.0, 0.0], 2e4),
    ("logistic", [-1e4, 1e4], [1.0, 0.0], 2e4),        # each output wrong by a sum of 1e4
    ("logistic", [800.0, -800.0], [1.0, 0.0], 0.0),    # right, and saturated
])
def test_cross_entropy_stays_finite_when_outputs_saturate(output, z, t, expected):
    weights, biases = one_layer(output)
    E = network_error(np.array(z), np.array(t), weights, biases, output=output, kind="cross_entropy")
    assert np.isfinite(E) and E == pytest.approx(expected, rel=1e-12, abs=1e-300)
    (g_w, g_b), = backward(np.array(z), np.array(t), weights, biases, output=output, error="cross_entropy")
    assert np.all(np.isfinite(g_w)) and np.all(np.isfinite(g_b))
    assert np.all(np.abs(g_b) <= 1.0)  # the signal t − o is bounded by 1 however large the sums


def test_network_error_equals_the_error_of_the_outputs_where_both_are_finite():
    rng = np.random.default_rng(3)
    for output in ("softmax", "logistic"):
        net = Network([4, 5, 3], output=output, error="cross_entropy", seed=1)
        X = rng.normal(size=(8, 4))
        T = np.eye(3)[rng.integers(3, size=8)]
        from backprop import error
        assert net.error(X, T) == pytest.approx(error(T, net.forward(X), "cross_entropy", output), rel=1e-12)


def test_training_that_diverges_stops_and_names_the_epoch():
    rng = np.random.default_rng(0)
    X, T = 10 * rng.normal(size=(20, 3)), 10 * rng.normal(size=(20, 2))
    net = Network([3, 4, 2], hidden="tanh", output="identity", error="squared_error", seed=0)
    with pytest.raises(FloatingPointError, match=r"diverged in epoch \d+.*smaller learning_rate than 1000.0"):
        net.train(X, T, learning_rate=1000.0, epochs=500)
