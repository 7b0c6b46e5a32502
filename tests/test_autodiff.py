"""Chapter 10's reverse-mode engine: the same gradients as `backward` and as central differences, on random networks
of one to three hidden layers; what it refuses; what it differentiates beyond the seven points; the counted costs."""

import numpy as np
import pytest

from backprop import (
    Node,
    backward,
    engine_gradients,
    error,
    error_graph,
    forward,
    gradient_costs,
    hidden_signals,
    init_weights,
    numerical_gradient,
    output_signals,
    running_network,
    worst_relative_error,
)

PAIRS = [("softmax", "cross_entropy"), ("identity", "squared_error"), ("logistic", "cross_entropy"),
         ("logistic", "squared_error"), ("softmax", "squared_error")]


def random_case(seed, hidden_layers, items):
    """A seeded network with `hidden_layers` hidden layers, sums kept away from ReLU's corner, and a batch (or one
    item when items is None) with one-hot targets."""
    rng = np.random.default_rng(seed)
    sizes = [int(rng.integers(2, 5))] + [int(rng.integers(2, 6)) for _ in range(hidden_layers)] + [3]
    weights, biases = init_weights(sizes, seed=seed)
    biases = [b + rng.normal(scale=0.3, size=b.shape) for b in biases]
    x = rng.normal(size=sizes[0] if items is None else (items, sizes[0]))
    t = np.eye(3)[rng.integers(3, size=None if items is None else items)]
    return x, t, weights, biases


def flat(pairs):
    return [g for g, _ in pairs] + [g for _, g in pairs]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("hidden_layers", [1, 2, 3])
@pytest.mark.parametrize("hidden", ["tanh", "logistic", "relu"])
def test_engine_equals_backward_and_the_referee(seed, hidden_layers, hidden):
    for number, (output, kind) in enumerate(PAIRS):
        x, t, weights, biases = random_case(100 * seed + 10 * hidden_layers + number, hidden_layers,
                                            items=None if number % 2 else 4)
        engine = flat(engine_gradients(x, t, weights, biases, hidden, output, kind))
        assert worst_relative_error(engine, flat(backward(x, t, weights, biases, hidden, output, kind))) < 1e-12
        if number == 0 or seed == 0:  # the referee is the slow part: every pair on one seed, one on all
            E = lambda: error(t, forward(x, weights, biases, hidden, output)[-1], kind, output)
            assert worst_relative_error(engine, numerical_gradient(E, weights + biases)) < 1e-6, (output, kind)


def test_the_running_network_and_its_signals():
    x, t, weights, biases = running_network()
    W1, b1, W2, b2 = (Node(a) for a in [weights[0], biases[0], weights[1], biases[1]])
    z1 = Node(x) @ W1 + b1
    z2 = z1.tanh() @ W2 + b2
    E = -(t * z2.softmax().log()).sum()
    E.backward()
    _, h, o = forward(x, weights, biases)
    delta_o = output_signals(t, o)  # chapter 5's signals, computed without the engine
    assert np.allclose(-z2.grad, delta_o, rtol=1e-12, atol=1e-15)
    assert np.allclose(-z1.grad, hidden_signals(delta_o, weights[1], h), rtol=1e-12, atol=1e-15)
    assert worst_relative_error([-W1.grad, -W2.grad, -b1.grad, -b2.grad], flat(backward(x, t, weights, biases))) < 1e-12


def test_error_graph_computes_the_book_s_error_and_leaves_the_network_alone():
    x, t, weights, biases = random_case(7, 2, items=5)
    kept = [a.copy() for a in weights + biases]
    for output, kind in PAIRS:
        E, W, b = error_graph(x, t, weights, biases, "tanh", output, kind)
        assert E.value.shape == () and len(W) == len(b) == 3
        assert np.isclose(float(E.value), error(t, forward(x, weights, biases, "tanh", output)[-1], kind, output),
                          rtol=1e-13)
        E.backward()
    assert all(np.array_equal(a, k) for a, k in zip(weights + biases, kept))


def test_a_node_used_twice_gets_both_paths_and_backward_can_run_again():
    a = Node(np.array([0.3, -1.2, 2.0]))
    c = np.array([2.0, -1.0, 0.5])
    E = (a * a).sum() + (a * c).sum()  # dE/da = 2a + c
    E.backward()
    assert np.allclose(a.grad, 2 * a.value + c, rtol=1e-15, atol=0)
    E.backward()  # every grad starts from zero again
    assert np.allclose(a.grad, 2 * a.value + c, rtol=1e-15, atol=0)
    # an array on the left of an operation is a constant, not an array of nodes
    E = (c * a).sum() + (c @ Node(np.eye(3)) * a).sum() - (1.0 - a).sum()
    E.backward()
    assert np.allclose(a.grad, 2 * c + 1, rtol=1e-15, atol=0)


def test_a_bias_broadcast_over_a_batch_receives_the_sum_of_the_rows():
    X = Node(np.arange(6.0).reshape(3, 2))
    b = Node(np.array([1.0, -1.0]))
    E = ((X + b) * (X + b)).sum()
    E.backward()
    assert np.allclose(b.grad, 2 * (X.value + b.value).sum(axis=0))
    assert b.grad.shape == (2,)


def skip_penalty_error(x, t, weights, biases, S, lam):
    W1, b1, W2, b2, S_ = (Node(a) for a in [weights[0], biases[0], weights[1], biases[1], S])
    h = (Node(x) @ W1 + b1).relu()
    o = (h @ W2 + Node(x) @ S_ + b2).softmax()
    penalty = 0.5 * lam * ((W1 * W1).sum() + (W2 * W2).sum())
    return -(t * o.log()).sum() * (1.0 / len(x)) + penalty, [W1, W2, S_, b1, b2]


@pytest.mark.parametrize("seed", [3, 4])
def test_a_skip_connection_and_a_weight_penalty_match_central_differences(seed):
    x, t, weights, biases = random_case(seed, 1, items=6)
    S = np.random.default_rng(seed).normal(scale=0.4, size=(x.shape[1], 3))
    E, nodes = skip_penalty_error(x, t, weights, biases, S, 0.05)
    E.backward()
    referee = numerical_gradient(lambda: float(skip_penalty_error(x, t, weights, biases, S, 0.05)[0].value),
                                 [weights[0], weights[1], S, biases[0], biases[1]])
    assert worst_relative_error([-n.grad for n in nodes], referee) < 1e-6
    # without the skip connection and the penalty, the engine gives backward's gradients again
    E, nodes = skip_penalty_error(x, t, weights, biases, np.zeros_like(S), 0.0)
    E.backward()
    pairs = backward(x, t, weights, biases, "relu")
    assert worst_relative_error([-nodes[0].grad, -nodes[1].grad, -nodes[3].grad, -nodes[4].grad],
                                flat(pairs)) < 1e-12


@pytest.mark.parametrize("call, problem, message", [
    (lambda x, t, w, b: engine_gradients(x, t, w, b, hidden="sigmoid"), ValueError, "hidden='sigmoid'"),
    (lambda x, t, w, b: engine_gradients(x, t, w, b, output="identity", error="cross_entropy"), ValueError,
     "needs probabilities"),
    (lambda x, t, w, b: engine_gradients(x[:2], t, w, b), ValueError, "x must have 3 values per item"),
    (lambda x, t, w, b: engine_gradients(np.stack([x, x]), t, w, b), ValueError, "the same items"),
    (lambda x, t, w, b: engine_gradients(x, t, [w[0].T, w[1]], b), ValueError, "weights\\[1\\]"),
    (lambda x, t, w, b: error_graph(x, [1.0, np.nan], w, b), ValueError, "t contains nan"),
    (lambda x, t, w, b: error_graph("x", t, w, b), TypeError, "x must be an array of numbers"),
])
def test_the_engine_refuses_what_it_cannot_differentiate(call, problem, message):
    x, t, weights, biases = running_network()
    with pytest.raises(problem, match=message):
        call(x, t, weights, biases)


def test_nodes_refuse_bad_values_parents_and_a_backward_from_an_array():
    with pytest.raises(TypeError, match="value must be an array of numbers"):
        Node("0.5")
    with pytest.raises(ValueError, match="value contains nan"):
        Node([1.0, np.inf])
    with pytest.raises(ValueError, match="value must be 0-D or 1-D or 2-D"):
        Node(np.zeros((2, 2, 2)))
    with pytest.raises(TypeError, match="parents must be a tuple of Node"):
        Node(1.0, [Node(2.0)])
    with pytest.raises(TypeError, match="op must be a string"):
        Node(1.0, (), op=3)
    a = Node(np.ones(3))
    with pytest.raises(ValueError, match="backward starts from a single number.*shape \\(3,\\)"):
        (a * 2.0).backward()
    assert repr(a * 2.0) == "Node(×, shape (3,))" and repr(a) == "Node(leaf, shape (3,))"


def test_gradient_costs_counts_and_checks():
    assert gradient_costs([3, 4, 2]) == {"parameters": 26, "forward": 20, "backward": 28, "central_differences": 1040}
    c = gradient_costs([784, 128, 10], items=64)
    assert c["parameters"] == 101_770 and c["forward"] == 64 * 101_632 and c["backward"] == 64 * (101_632 + 1_280)
    for sizes in ([5, 3], [4, 7, 3], [10, 8, 8, 8, 2]):  # the backward pass costs between one and two forward passes
        c = gradient_costs(sizes)
        assert c["forward"] <= c["backward"] <= 2 * c["forward"]
        assert c["parameters"] == sum(w.size + b.size for w, b in zip(*init_weights(sizes)))
    with pytest.raises(ValueError, match="layer_sizes"):
        gradient_costs([3])
    with pytest.raises(TypeError, match="items must be a positive int"):
        gradient_costs([3, 2], items=2.5)
    with pytest.raises(ValueError, match="items must be a positive int"):
        gradient_costs([3, 2], items=0)
