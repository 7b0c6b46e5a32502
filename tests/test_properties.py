"""Property-based tests (hypothesis): for random networks, data and settings, the book's claims hold.

Derandomised and bounded, so every run checks the same examples in a few seconds.
"""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backprop import Network, numerical_gradient, softmax, worst_relative_error

PAIRS = [("identity", "squared_error"), ("logistic", "squared_error"), ("logistic", "cross_entropy"),
         ("softmax", "cross_entropy"), ("softmax", "squared_error")]
BOUNDED = settings(max_examples=30, deadline=None, derandomize=True, database=None)

networks = st.fixed_dictionaries({
    "sizes": st.lists(st.integers(1, 5), min_size=3, max_size=5),  # 1 to 3 hidden layers
    "hidden": st.sampled_from(["tanh", "logistic", "relu"]),
    "pair": st.sampled_from(PAIRS),
    "seed": st.integers(0, 2**16),
    "items": st.integers(1, 6),
})


def build(case):
    output, error = case["pair"]
    sizes = case["sizes"]
    if output == "softmax" and sizes[-1] == 1:
        sizes = sizes[:-1] + [2]  # a softmax over one output is constant
    net = Network(sizes, hidden=case["hidden"], output=output, error=error, seed=case["seed"])
    rng = np.random.default_rng(case["seed"])
    net.biases = [rng.normal(scale=0.5, size=b.shape) for b in net.biases]
    X = rng.normal(size=(case["items"], sizes[0]))
    if output == "softmax":
        T = np.eye(sizes[-1])[rng.integers(sizes[-1], size=case["items"])]
    elif output == "logistic":
        T = rng.integers(0, 2, size=(case["items"], sizes[-1])).astype(float)
    else:
        T = rng.normal(size=(case["items"], sizes[-1]))
    return net, X, T


def far_from_relu_corners(net, X):
    """True unless some hidden sum is within a finite-difference step of ReLU's corner."""
    values = X
    for w, b in zip(net.weights[:-1], net.biases[:-1]):
        z = values @ w + b
        if np.min(np.abs(z)) < 1e-3:
            return False
        values = np.maximum(z, 0) if net.hidden == "relu" else np.tanh(z)
    return True


@BOUNDED
@given(networks)
def test_exact_gradients_agree_with_central_differences(case):
    net, X, T = build(case)
    assume(net.hidden != "relu" or far_from_relu_corners(net, X))
    pairs = net.gradients(X, T)
    numerical = numerical_gradient(lambda: net.error(X, T), net.weights + net.biases)
    assert worst_relative_error([g for g, _ in pairs] + [b for _, b in pairs], numerical) < 1e-6


@BOUNDED
@given(networks)
def test_the_batch_gradient_is_the_mean_of_the_items_gradients(case):
    net, X, T = build(case)
    batch = net.gradients(X, T)
    items = [net.gradients(X[n], T[n]) for n in range(len(X))]
    for l, (g_w, g_b) in enumerate(batch):
        np.testing.assert_allclose(g_w, np.mean([item[l][0] for item in items], axis=0), rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(g_b, np.mean([item[l][1] for item in items], axis=0), rtol=1e-10, atol=1e-14)


@BOUNDED
@given(networks)
def test_a_small_step_along_the_delta_never_raises_the_error(case):
    net, X, T = build(case)
    before = net.error(X, T)
    net.update(net.gradients(X, T), learning_rate=1e-6)
    assert net.error(X, T) <= before + 1e-12


@settings(max_examples=50, deadline=None, derandomize=True, database=None)
@given(st.lists(st.floats(-100, 100), min_size=1, max_size=8), st.floats(-1000, 1000))
def test_softmax_is_unchanged_by_adding_a_constant(z, c):
    z = np.array(z)
    np.testing.assert_allclose(softmax(z + c), softmax(z), rtol=1e-9, atol=1e-300)
