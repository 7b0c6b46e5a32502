"""Chapter 3: the error's derivative, central differences and the comparison helper, on known derivatives."""

import numpy as np
import pytest

from backprop import error, error_derivative, numerical_gradient, worst_relative_error

PAIRS = [("squared_error", "softmax"), ("squared_error", "logistic"), ("squared_error", "identity"),
         ("cross_entropy", "softmax"), ("cross_entropy", "logistic")]


def test_numerical_gradient_of_known_functions():
    p = np.random.default_rng(0).normal(size=(3, 4))
    np.testing.assert_allclose(numerical_gradient(lambda: np.sum(np.sin(p)), p), -np.cos(p), rtol=1e-9, atol=1e-11)
    A = np.array([[2.0, 0.5], [0.5, 1.0]])
    q = np.array([0.3, -1.2])
    np.testing.assert_allclose(numerical_gradient(lambda: 0.5 * q @ A @ q, q), -A @ q, rtol=1e-9)
    a, b = np.array([1.5, -0.5]), np.array([[2.0]])
    g_a, g_b = numerical_gradient(lambda: np.sum(a ** 3) * b[0, 0], [a, b])
    assert g_a.shape == (2,) and g_b.shape == (1, 1)
    np.testing.assert_allclose(g_a, -3 * a ** 2 * 2.0, rtol=1e-9)
    np.testing.assert_allclose(g_b, [[-np.sum(a ** 3)]], rtol=1e-9)


def test_numerical_gradient_restores_every_entry_exactly():
    p = np.random.default_rng(1).normal(size=(5, 3)) * 1e3
    before = p.copy()
    numerical_gradient(lambda: np.sum(p ** 2), p)
    np.testing.assert_array_equal(p, before)


def test_numerical_gradient_refuses_what_it_cannot_nudge():
    with pytest.raises(TypeError, match=r"params\[0\] must be a writeable float64 numpy array"):
        numerical_gradient(lambda: 0.0, [[1.0, 2.0]])
    with pytest.raises(TypeError, match=r"params\[0\] must be a writeable float64 numpy array"):
        numerical_gradient(lambda: 0.0, np.array([1, 2]))
    with pytest.raises(ValueError, match="step must be a positive, finite number"):
        numerical_gradient(lambda: 0.0, np.zeros(2), step=0.0)


def test_worst_relative_error_finds_the_single_wrong_entry():
    a = [np.array([[1.0, -2.0], [0.5, 0.0]]), np.array([3.0])]
    assert worst_relative_error(a, [x.copy() for x in a]) == 0.0
    wrong = [a[0].copy(), a[1].copy()]
    wrong[0][1, 0] = 0.5 * (1 + 1e-3)
    assert worst_relative_error(a, wrong) == pytest.approx(1e-3 / (1 + 1e-3), rel=1e-6)
    # Tiny values are compared on the floor's scale (1e-4), not blown up by their own size...
    assert worst_relative_error(np.array([1e-15]), np.array([-1e-15])) == pytest.approx(2e-11)
    assert worst_relative_error(np.array([3e-6]), np.array([3e-6 + 1e-11])) < 1e-6
    # ... but a wrong tiny value still shows.
    assert worst_relative_error(np.array([3e-6]), np.array([0.0])) == pytest.approx(3e-2)
    assert worst_relative_error(np.array([1.0]), np.array([-1.0])) == 2.0  # a sign error is an error of order one
    with pytest.raises(ValueError, match=r"gradient 0: analytic shape \(2,\) differs from numerical shape \(3,\)"):
        worst_relative_error(np.zeros(2), np.zeros(3))


@pytest.mark.parametrize("kind, output", PAIRS)
@pytest.mark.parametrize("seed", range(3))
def test_error_derivative_against_central_differences(kind, output, seed):
    rng = np.random.default_rng(seed)
    N, K = 4, 3
    O = rng.uniform(0.05, 0.95, size=(N, K))
    T = np.eye(K)[rng.integers(K, size=N)] if output == "softmax" else rng.uniform(0, 1, size=(N, K))
    numerical = -numerical_gradient(lambda: error(T, O, kind, output), O)  # ∂E/∂O of the batch mean
    np.testing.assert_allclose(error_derivative(T, O, kind, output) / N, numerical, rtol=1e-7, atol=1e-10)
    one = -numerical_gradient(lambda: error(T[0], O[0], kind, output), O[0])
    np.testing.assert_allclose(error_derivative(T[0], O[0], kind, output), one, rtol=1e-7, atol=1e-10)


def test_error_derivative_refuses_identity_with_cross_entropy():
    with pytest.raises(ValueError, match="'cross_entropy' needs probabilities"):
        error_derivative([1.0, 0.0], [0.3, 0.7], "cross_entropy", "identity")
