"""Chapter 8: the Network API — gradients for any depth, training, reproducibility, clear errors — and load_iris."""

import numpy as np
import pytest

from backprop import Network, load_iris, numerical_gradient, worst_relative_error

PAIRS = [("identity", "squared_error"), ("logistic", "squared_error"), ("logistic", "cross_entropy"),
         ("softmax", "cross_entropy"), ("softmax", "squared_error")]
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([[0.0], [1.0], [1.0], [0.0]])


def iris_split():
    X, T, _ = load_iris()
    train, test = np.r_[0:40, 50:90, 100:140], np.r_[40:50, 90:100, 140:150]
    mean, std = X[train].mean(axis=0), X[train].std(axis=0)
    return (X[train] - mean) / std, T[train], (X[test] - mean) / std, T[test]


def targets(output, n_items, n_out, rng):
    if output == "softmax":
        return np.eye(n_out)[rng.integers(n_out, size=n_items)]
    if output == "logistic":
        return rng.integers(0, 2, size=(n_items, n_out)).astype(float)
    return rng.normal(size=(n_items, n_out))


@pytest.mark.parametrize("sizes", [[3, 5, 2], [3, 4, 5, 3], [2, 4, 3, 4, 3]], ids=["1 hidden", "2 hidden", "3 hidden"])
@pytest.mark.parametrize("hidden", ["tanh", "logistic", "relu"])
@pytest.mark.parametrize("output, error", PAIRS)
def test_gradients_match_central_differences_at_any_depth(sizes, hidden, output, error):
    rng = np.random.default_rng(len(sizes))
    net = Network(sizes, hidden=hidden, output=output, error=error, seed=len(sizes))
    net.biases = [rng.normal(scale=0.3, size=b.shape) for b in net.biases]
    X, T = rng.normal(size=(4, sizes[0])), targets(output, 4, sizes[-1], rng)
    pairs = net.gradients(X, T)
    assert [(g.shape, b.shape) for g, b in pairs] == [(w.shape, b.shape) for w, b in zip(net.weights, net.biases)]
    numerical = numerical_gradient(lambda: net.error(X, T), net.weights + net.biases)
    assert worst_relative_error([g for g, _ in pairs] + [b for _, b in pairs], numerical) < 1e-6


def test_training_lowers_the_error_on_xor():
    for seed in range(3):
        net = Network([2, 3, 1], hidden="tanh", output="logistic", error="cross_entropy", seed=seed)
        before = net.error(XOR_X, XOR_T)
        history = net.train(XOR_X, XOR_T, learning_rate=0.5, epochs=300, batch_size=4, seed=seed)
        assert len(history) == 300 and history[-1] < before
    net = Network([2, 2, 1], hidden="tanh", output="logistic", error="cross_entropy", seed=0)
    net.train(XOR_X, XOR_T, learning_rate=0.5, epochs=2000, batch_size=4, seed=0)
    assert net.error(XOR_X, XOR_T) < 0.01 and net.accuracy(XOR_X, XOR_T) == 1.0


def test_the_documented_iris_configuration_reaches_095_test_accuracy():
    """Chapter 8: 4-7-3, tanh, softmax, cross-entropy, seed 0, online, η = 0.05, 100 epochs, standardised features."""
    S_train, T_train, S_test, T_test = iris_split()
    net = Network([4, 7, 3], hidden="tanh", output="softmax", error="cross_entropy", seed=0)
    net.train(S_train, T_train, learning_rate=0.05, epochs=100, batch_size=1, seed=0)
    assert net.accuracy(S_test, T_test) >= 0.95


def test_the_same_seed_gives_bit_identical_weights():
    S_train, T_train, _, _ = iris_split()
    runs = []
    for _ in range(2):
        net = Network([4, 6, 3], seed=5)
        start = [w.copy() for w in net.weights]
        history = net.train(S_train, T_train, learning_rate=0.05, epochs=3, batch_size=8, seed=9, momentum=0.5)
        runs.append((start, net.weights, net.biases, history))
    (s1, w1, b1, h1), (s2, w2, b2, h2) = runs
    assert all(np.array_equal(a, b) for a, b in zip(s1 + w1 + b1, s2 + w2 + b2)) and h1 == h2
    other = Network([4, 6, 3], seed=6)
    assert not np.array_equal(other.weights[0], s1[0])
    other = Network([4, 6, 3], seed=5)
    other.train(S_train, T_train, learning_rate=0.05, epochs=3, batch_size=8, seed=10, momentum=0.5)
    assert not np.array_equal(other.weights[0], w1[0])  # another shuffling seed, another result


def test_online_and_mini_batch_steps_are_the_update_rule():
    """One epoch with one batch holding every item is exactly one update with the batch gradient."""
    S_train, T_train, _, _ = iris_split()
    net, by_hand = Network([4, 5, 3], seed=2), Network([4, 5, 3], seed=2)
    net.train(S_train, T_train, learning_rate=0.1, epochs=1, batch_size=120, seed=0)
    order = np.random.default_rng(0).permutation(120)
    by_hand.update(by_hand.gradients(S_train[order], T_train[order]), 0.1)
    for a, b in zip(net.weights + net.biases, by_hand.weights + by_hand.biases):
        np.testing.assert_allclose(a, b, rtol=1e-13, atol=1e-15)


def test_forward_shapes_and_accuracy():
    net = Network([4, 7, 3], seed=0)
    X, T, species = load_iris()
    assert net.forward(X).shape == (150, 3) and net.forward(X[0]).shape == (3,)
    single = Network([2, 3, 1], output="logistic", error="cross_entropy", seed=0)
    O = single.forward(XOR_X)[:, 0]
    assert single.accuracy(XOR_X, XOR_T) == np.mean((O >= 0.5) == (XOR_T[:, 0] >= 0.5))
    assert repr(net) == "Network([4, 7, 3], hidden='tanh', output='softmax', error='cross_entropy')"


def test_report_every_prints_plain_lines(capsys):
    net = Network([2, 3, 1], output="logistic", error="cross_entropy", seed=0)
    history = net.train(XOR_X, XOR_T, learning_rate=0.5, epochs=4, batch_size=4, report_every=2)
    assert capsys.readouterr().out == f"epoch    2: error {history[1]:.4f}\nepoch    4: error {history[3]:.4f}\n"


def test_divergence_stops_with_an_error_that_names_the_epoch():
    rng = np.random.default_rng(0)
    X, T = rng.normal(size=(20, 3)) * 10, rng.normal(size=(20, 2)) * 10
    net = Network([3, 4, 2], hidden="relu", output="identity", error="squared_error", seed=0)
    with pytest.raises(FloatingPointError, match=r"training diverged in epoch \d+: the error stopped being finite; the weights and biases are back as they were before this call.*smaller learning_rate than 50.0"):
        net.train(X, T, learning_rate=50.0, epochs=200)
    assert all(np.all(np.isfinite(a)) for a in net.weights + net.biases)  # no nan weights are left behind


def test_load_iris():
    X, T, species = load_iris()
    assert X.shape == (150, 4) and T.shape == (150, 3) and X.dtype == np.float64
    assert species == ["setosa", "versicolor", "virginica"]
    np.testing.assert_array_equal(T.sum(axis=1), 1.0)
    np.testing.assert_array_equal(np.argmax(T, axis=1), np.repeat([0, 1, 2], 50))  # the original order
    np.testing.assert_array_equal(X[0], [5.1, 3.5, 1.4, 0.2])
    np.testing.assert_array_equal(X[34], [4.9, 3.1, 1.5, 0.2])  # Fisher's values (UCI's file differs here)
    np.testing.assert_array_equal(X[37], [4.9, 3.6, 1.4, 0.1])
    np.testing.assert_array_equal(X[149], [5.9, 3.0, 5.1, 1.8])


@pytest.mark.parametrize("make, kind, message", [
    (lambda: Network([4]), ValueError, "at least two sizes"),
    (lambda: Network([4, 0, 3]), ValueError, r"layer_sizes\[1\] must be a positive int, got 0"),
    (lambda: Network([4, 7, 3], hidden="sigmoid"), ValueError, r"hidden='sigmoid' is not one of .*'tanh'"),
    (lambda: Network([4, 7, 3], output="linear"), ValueError, r"output='linear' is not one of .*'identity'"),
    (lambda: Network([4, 7, 3], error="mse"), ValueError, r"error='mse' is not one of .*'squared_error'"),
    (lambda: Network([4, 7, 3], output="identity", error="cross_entropy"), ValueError, "needs probabilities"),
])
def test_bad_configurations_are_refused(make, kind, message):
    with pytest.raises(kind, match=message):
        make()


def test_bad_data_and_settings_get_clear_errors():
    net = Network([4, 7, 3], seed=0)
    X, T, _ = load_iris()
    cases = [
        (lambda: net.forward(X[:, :3]), ValueError, r"X must have 4 values per item .* got shape \(150, 3\)"),
        (lambda: net.error(X, T[:, :2]), ValueError, r"T must have 3 values per item .* got shape \(150, 2\)"),
        (lambda: net.error(X[:10], T[:12]), ValueError, r"X and T must hold the same items: got X of shape \(10, 4\)"),
        (lambda: net.error(X[0], T[:2]), ValueError, r"X and T must hold the same items"),
        (lambda: net.gradients(np.full((2, 4), np.nan), T[:2]), ValueError, "X contains nan or inf"),
        (lambda: net.gradients(X, T, rule="diagonal"), ValueError, r"rule='diagonal' is not one of"),
        (lambda: net.accuracy("iris", T), TypeError, "X must be an array of numbers"),
        (lambda: net.train(X, T, epochs=0), ValueError, "epochs must be a positive int, got 0"),
        (lambda: net.train(X, T, epochs=2.5), TypeError, "epochs must be a positive int, got float: 2.5"),
        (lambda: net.train(X, T, batch_size=0), ValueError, "batch_size must be a positive int, got 0"),
        (lambda: net.train(X, T, learning_rate=-1), ValueError, "learning_rate must be positive and finite"),
        (lambda: net.train(X, T, momentum=1.0), ValueError, r"momentum must be a number in \[0, 1\), got 1.0"),
        (lambda: net.train(X, T, report_every=0), ValueError, "report_every must be a positive int"),
        (lambda: net.update([(np.zeros((4, 7)), np.zeros(7))], 0.1), ValueError, "one .* pair per layer"),
    ]
    before = [w.copy() for w in net.weights]
    for call, kind, message in cases:
        with pytest.raises(kind, match=message):
            call()
    assert all(np.array_equal(a, b) for a, b in zip(before, net.weights))  # a refused call changes nothing
