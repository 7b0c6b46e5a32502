"""Chapter 2: the update adds η × gradient, with the summary's sign, and a small step lowers the error."""

import numpy as np
import pytest

from backprop import error, forward, init_weights, numerical_gradient, running_network, update


def random_problem(seed, sizes, hidden, output, kind):
    rng = np.random.default_rng(seed)
    weights, biases = init_weights(sizes, seed=seed)
    biases = [rng.normal(scale=0.1, size=b.shape) for b in biases]
    X = rng.normal(size=(4, sizes[0]))
    T = np.eye(sizes[-1])[rng.integers(sizes[-1], size=4)]
    E = lambda: error(T, forward(X, weights, biases, hidden, output)[-1], kind, output)
    return weights, biases, E


def test_update_adds_learning_rate_times_gradient_in_place():
    weights, biases = init_weights([3, 4, 2], seed=1)
    before = [w.copy() for w in weights + biases]
    rng = np.random.default_rng(2)
    gradients = [(rng.normal(size=w.shape), rng.normal(size=b.shape)) for w, b in zip(weights, biases)]
    arrays = weights + biases
    update(weights, biases, gradients, learning_rate=0.05)
    assert all(a is b for a, b in zip(arrays, weights + biases))  # the same arrays, changed in place
    for (w0, w), (g_w, _) in zip(zip(before[:2], weights), gradients):
        np.testing.assert_array_equal(w, w0 + 0.05 * g_w)
    for (b0, b), (_, g_b) in zip(zip(before[2:], biases), gradients):
        np.testing.assert_array_equal(b, b0 + 0.05 * g_b)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("hidden", ["tanh", "logistic", "relu"])
@pytest.mark.parametrize("output, kind", [("softmax", "cross_entropy"), ("logistic", "squared_error"),
                                          ("identity", "squared_error")])
def test_a_small_step_along_the_gradient_lowers_the_error(seed, hidden, output, kind):
    weights, biases, E = random_problem(seed, [3, 5, 3], hidden, output, kind)
    gradients = numerical_gradient(E, weights + biases)  # −∂E/∂θ, independent of any analytic formula
    pairs = list(zip(gradients[:2], gradients[2:]))
    E0 = E()
    squared = sum(np.sum(g ** 2) for g in gradients)
    update(weights, biases, pairs, learning_rate=1e-3)
    drop = E0 - E()
    assert drop > 0
    assert drop == pytest.approx(1e-3 * squared, rel=0.05)  # the first-order prediction η Σ g²


def test_update_follows_the_summary_sign_on_the_output_layer():
    """g_jk = (t_k − o_k) h_j is −∂E/∂w (identity outputs, squared error), and update adds it."""
    x, t, weights, biases = running_network()
    E = lambda: error(t, forward(x, weights, biases, "tanh", "identity")[-1], "squared_error", "identity")
    _, h, o = forward(x, weights, biases, "tanh", "identity")
    summary = np.outer(h, t - o)
    derivative = -numerical_gradient(E, weights[1])  # ∂E/∂w
    np.testing.assert_allclose(summary, -derivative, rtol=1e-8)
    w_before, E_before = weights[1].copy(), E()
    update(weights, biases, [(np.zeros((3, 4)), np.zeros(4)), (summary, t - o)], 0.05)
    assert np.all(np.sign(weights[1] - w_before) == np.sign(summary))
    assert E() < E_before
    # Subtracting instead (the other sign) raises the error: the sign is not a matter of taste.
    x, t, weights, biases = running_network()
    update(weights, biases, [(np.zeros((3, 4)), np.zeros(4)), (-summary, -(t - o))], 0.05)
    assert E() > E_before


@pytest.mark.parametrize("rate, kind, message", [
    (0.0, ValueError, "positive and finite, got 0.0"), (-0.1, ValueError, "positive"),
    (float("nan"), ValueError, "positive and finite"), (float("inf"), ValueError, "positive and finite"),
    ("0.05", TypeError, "learning_rate must be a number"), (True, TypeError, "learning_rate must be a number"),
])
def test_update_refuses_bad_learning_rates(rate, kind, message):
    weights, biases = init_weights([2, 2], seed=0)
    with pytest.raises(kind, match=message):
        update(weights, biases, [(np.zeros((2, 2)), np.zeros(2))], rate)


def test_update_refuses_gradients_that_do_not_fit():
    weights, biases = init_weights([3, 4, 2], seed=0)
    good = [(np.zeros((3, 4)), np.zeros(4)), (np.zeros((4, 2)), np.zeros(2))]
    with pytest.raises(ValueError, match="gradients must hold one .* pair per layer: the network has 2 layers, gradients has 1 pairs"):
        update(weights, biases, good[:1])
    with pytest.raises(ValueError, match=r"gradients\[1\] has shapes \(2, 4\) and \(2,\), but layer 1 has "
                                         r"weights \(4, 2\)"):
        update(weights, biases, [good[0], (np.zeros((2, 4)), np.zeros(2))])
    with pytest.raises(ValueError, match=r"gradients\[0\]\[0\] contains nan"):
        update(weights, biases, [(np.full((3, 4), np.nan), np.zeros(4)), good[1]])
    assert all(np.all(w == w0) for w, w0 in zip(weights, init_weights([3, 4, 2], seed=0)[0]))
