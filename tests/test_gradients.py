"""Chapter 4: weight_gradients (signal × input, mean over items) against central differences."""

import numpy as np
import pytest

from backprop import error, forward, init_weights, numerical_gradient, weight_gradients, worst_relative_error


@pytest.mark.parametrize("sizes", [[3, 4, 2], [5, 7, 3], [2, 3, 1], [6, 2, 4]])
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("hidden", ["tanh", "logistic", "relu"])
@pytest.mark.parametrize("n_items", [1, 5])
def test_hidden_to_output_gradients_against_central_differences(sizes, seed, hidden, n_items):
    """Identity outputs with squared error, where the output signal is t − o (chapter 4)."""
    rng = np.random.default_rng(seed)
    weights, biases = init_weights(sizes, seed=seed)
    biases = [rng.normal(scale=0.3, size=b.shape) for b in biases]
    X = rng.normal(size=(n_items, sizes[0]))
    T = rng.normal(size=(n_items, sizes[-1]))
    if n_items == 1:
        X, T = X[0], T[0]
    E = lambda: error(T, forward(X, weights, biases, hidden, "identity")[-1], "squared_error", "identity")
    _, H, O = forward(X, weights, biases, hidden, "identity")
    g_w, g_b = weight_gradients(T - O, H)
    assert g_w.shape == weights[1].shape and g_b.shape == biases[1].shape
    assert worst_relative_error([g_w, g_b], numerical_gradient(E, [weights[1], biases[1]])) < 1e-6


def test_batch_gradient_is_the_mean_of_the_items_gradients():
    rng = np.random.default_rng(7)
    signals, inputs = rng.normal(size=(6, 3)), rng.normal(size=(6, 4))
    g_w, g_b = weight_gradients(signals, inputs)
    np.testing.assert_allclose(g_w, np.mean([np.outer(inputs[n], signals[n]) for n in range(6)], axis=0), rtol=1e-13)
    np.testing.assert_allclose(g_b, signals.mean(axis=0), rtol=1e-13)
    one_w, one_b = weight_gradients(signals[2], inputs[2])
    np.testing.assert_array_equal(one_w, np.outer(inputs[2], signals[2]))
    np.testing.assert_array_equal(one_b, signals[2])


def test_weight_gradients_refuses_mismatched_items():
    with pytest.raises(ValueError, match=r"same items: got shapes \(3, 2\) and \(4, 5\)"):
        weight_gradients(np.zeros((3, 2)), np.zeros((4, 5)))
    with pytest.raises(ValueError, match=r"same items: got shapes \(2,\) and \(4, 5\)"):
        weight_gradients(np.zeros(2), np.zeros((4, 5)))
    with pytest.raises(ValueError, match="signals contains nan"):
        weight_gradients(np.array([np.nan, 1.0]), np.zeros(3))
