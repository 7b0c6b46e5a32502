"""Chapters 5-7: output signals, hidden signals and the assembled backward pass, against central differences."""

import numpy as np
import pytest

from backprop import (backward, error, forward, hidden_derivative, hidden_signals, logistic, logistic_derivative,
                      numerical_gradient, output_signals, relu, softmax, softmax_jacobian, tanh,
                      worst_relative_error)

PAIRS = [("identity", "squared_error"), ("logistic", "squared_error"), ("logistic", "cross_entropy"),
         ("softmax", "cross_entropy"), ("softmax", "squared_error")]
HIDDEN = ["tanh", "logistic", "relu"]


def problem(sizes, seed, output, n_items):
    """A random network, inputs and targets that fit the output activation."""
    rng = np.random.default_rng(seed)
    weights = [rng.normal(scale=0.8, size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(scale=0.3, size=b) for b in sizes[1:]]
    X = rng.normal(size=(n_items, sizes[0]))
    if output == "softmax":
        T = np.eye(sizes[-1])[rng.integers(sizes[-1], size=n_items)]
    elif output == "logistic":
        T = rng.integers(0, 2, size=(n_items, sizes[-1])).astype(float)
    else:
        T = rng.normal(size=(n_items, sizes[-1]))
    return weights, biases, X, T


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("output, kind", PAIRS)
@pytest.mark.parametrize("sizes, seed, n_items", [([3, 4, 2], 0, 1), ([4, 6, 3], 1, 5), ([2, 3, 4], 2, 3),
                                                  ([5, 2, 3], 3, 8), ([3, 5, 4, 2], 4, 4)])
def test_backward_against_central_differences(hidden, output, kind, sizes, seed, n_items):
    weights, biases, X, T = problem(sizes, seed, output, n_items)
    sums = [X @ weights[0] + biases[0]]
    assert np.min(np.abs(sums[0])) > 1e-4  # no ReLU corner within the finite-difference step
    if n_items == 1:
        X, T = X[0], T[0]
    pairs = backward(X, T, weights, biases, hidden, output, kind)
    assert [(g.shape, b.shape) for g, b in pairs] == [(w.shape, b.shape) for w, b in zip(weights, biases)]
    E = lambda: error(T, forward(X, weights, biases, hidden, output)[-1], kind, output)
    analytic = [g for g, _ in pairs] + [b for _, b in pairs]
    assert worst_relative_error(analytic, numerical_gradient(E, weights + biases)) < 1e-6


def test_per_node_softmax_differs_by_the_off_diagonal_term():
    """Chapter 5: exact − per-node = −o_k Σ_{m≠k} (t_m − o_m) o_m; with two classes the exact signal is twice it."""
    rng = np.random.default_rng(5)
    for K in (2, 3, 5):
        O = softmax(rng.normal(size=(6, K)))
        T = np.eye(K)[rng.integers(K, size=6)]
        exact = output_signals(T, O, "softmax", "squared_error")
        per_node = output_signals(T, O, "softmax", "squared_error", rule="per_node")
        np.testing.assert_allclose(per_node, (T - O) * O * (1 - O), rtol=1e-14)
        r = (T - O) * O
        off_diagonal = -O * (r.sum(axis=1, keepdims=True) - r)
        np.testing.assert_allclose(exact - per_node, off_diagonal, rtol=1e-10, atol=1e-15)
        if K == 2:
            np.testing.assert_allclose(exact, 2 * per_node, rtol=1e-12)
        else:
            assert not np.allclose(exact, 2 * per_node)


def test_per_node_rule_is_exact_for_logistic_and_identity_with_squared_error():
    rng = np.random.default_rng(6)
    O, T = logistic(rng.normal(size=(4, 3))), rng.uniform(size=(4, 3))
    for output in ("logistic", "identity"):
        np.testing.assert_array_equal(output_signals(T, O, output, "squared_error", rule="per_node"),
                                      output_signals(T, O, output, "squared_error"))


def test_softmax_cross_entropy_signal_for_targets_that_do_not_sum_to_one():
    z = np.array([0.4, -1.3, 2.2, 0.1])
    t = np.array([0.3, 0.0, 0.4, 0.0])
    E = lambda: error(t, softmax(z), "cross_entropy", "softmax")
    np.testing.assert_allclose(output_signals(t, softmax(z), "softmax", "cross_entropy"),
                               numerical_gradient(E, z), rtol=1e-8)


def test_activation_derivatives_against_central_differences():
    z = np.concatenate([np.linspace(-5, -0.01, 50), np.linspace(0.01, 5, 50)])
    for name, f in (("tanh", tanh), ("logistic", logistic), ("relu", relu)):
        numerical = (f(z + 1e-6) - f(z - 1e-6)) / 2e-6
        np.testing.assert_allclose(hidden_derivative(f(z), name), numerical, rtol=1e-7, atol=1e-9)
    assert hidden_derivative(relu(np.array([0.0])), "relu")[0] == 0.0  # the book's choice at the corner
    np.testing.assert_allclose(logistic_derivative(logistic(z)), (logistic(z + 1e-6) - logistic(z - 1e-6)) / 2e-6,
                               rtol=1e-7)


def test_softmax_jacobian_against_central_differences():
    rng = np.random.default_rng(8)
    Z = rng.normal(size=(3, 4))
    J = softmax_jacobian(softmax(Z))
    assert J.shape == (3, 4, 4)
    for n in range(3):
        z = Z[n].copy()
        numerical = np.array([-numerical_gradient(lambda: softmax(z)[m], z) for m in range(4)])
        np.testing.assert_allclose(J[n], numerical, rtol=1e-7, atol=1e-10)


def test_hidden_signals_match_the_summary_sentence():
    rng = np.random.default_rng(9)
    delta_o, w, h = rng.normal(size=3), rng.normal(size=(4, 3)), tanh(rng.normal(size=4))
    by_sentence = [sum(delta_o[k] * w[j, k] for k in range(3)) * (1 - h[j] ** 2) for j in range(4)]
    np.testing.assert_allclose(hidden_signals(delta_o, w, h, "tanh"), by_sentence, rtol=1e-13)


def test_signals_refuse_bad_input():
    with pytest.raises(ValueError, match=r"rule='diagonal' is not one of .*'exact', 'per_node'"):
        output_signals([1.0, 0.0], [0.5, 0.5], rule="diagonal")
    with pytest.raises(ValueError, match="'cross_entropy' needs probabilities"):
        output_signals([1.0, 0.0], [0.5, 0.5], "identity", "cross_entropy")
    with pytest.raises(ValueError, match=r"next_signals \(2,\), weights \(4, 3\) and hidden_values \(4,\) do not fit"):
        hidden_signals(np.zeros(2), np.zeros((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match=r"hidden_values \(5,\) do not fit.*hidden_values \(items, 4\)"):
        hidden_signals(np.zeros(3), np.zeros((4, 3)), np.zeros(5))
    with pytest.raises(ValueError, match=r"activation='softplus' is not one of"):
        hidden_derivative(np.zeros(2), "softplus")
    weights, biases, X, T = problem([3, 4, 2], 0, "softmax", 3)
    with pytest.raises(ValueError, match=r"t must have 2 values per item \(its last axis\), got shape \(3, 3\)"):
        backward(X, np.zeros((3, 3)), weights, biases)


ACTIVATIONS = {"tanh": tanh, "logistic": logistic, "relu": relu}
OUTPUTS = {"softmax": softmax, "logistic": logistic, "identity": lambda z: z.copy()}


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("output, kind", PAIRS)
def test_layer_equations_against_central_differences_on_the_sums(hidden, output, kind):
    """Chapter 7's equations for any number of layers, with the signals measured as −∂E/∂z^(l) on the sums.

    For one item the bias gradients of backward are the signals δ^(l); each must equal the measured −∂E/∂z^(l),
    obey δ^(l) = (δ^(l+1) W^(l+1)ᵀ) ⊙ f′(z^(l)) below the top, and give G^(l) = a^(l−1)ᵀ δ^(l).
    """
    sizes = [3, 5, 4, 3, 2]
    weights, biases, X, T = problem(sizes, 17, output, 1)
    x, t = X[0], T[0]
    L = len(sizes) - 1
    a = forward(x, weights, biases, hidden, output)
    pairs = backward(x, t, weights, biases, hidden, output, kind)
    f, g = ACTIVATIONS[hidden], OUTPUTS[output]

    def error_from_sums(l, z):
        if l == L:
            return error(t, g(z), kind, output)
        return error(t, forward(f(z), weights[l:], biases[l:], hidden, output)[-1], kind, output)

    for l in range(L, 0, -1):
        z = a[l - 1] @ weights[l - 1] + biases[l - 1]
        measured = numerical_gradient(lambda: error_from_sums(l, z), z)
        delta = pairs[l - 1][1]
        assert worst_relative_error(delta, measured) < 1e-6, (l, delta, measured)
        assert np.allclose(pairs[l - 1][0], np.outer(a[l - 1], delta), rtol=1e-12, atol=1e-15)
        if l < L:
            above = pairs[l][1]
            expected = (above @ weights[l].T) * hidden_derivative(a[l], hidden)
            assert np.allclose(delta, expected, rtol=1e-12, atol=1e-15)
