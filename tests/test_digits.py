"""Chapter 9: the digits data, the stratified split, and training's weight_decay (the squared-weight penalty)."""

import gzip

import numpy as np
import pytest

from backprop import (
    Network,
    backward,
    load_digits,
    network_error,
    numerical_gradient,
    stratified_split,
    worst_relative_error,
)
from conftest import ROOT

DATA = ROOT / "backprop" / "data"


def test_load_digits_returns_the_shipped_file_scaled_to_the_unit_interval():
    X, T, labels = load_digits()
    assert X.shape == (1797, 64) and T.shape == (1797, 10) and labels.shape == (1797,)
    assert X.dtype == np.float64 and T.dtype == np.float64
    with gzip.open(DATA / "digits.csv.gz", "rt") as handle:
        rows = [line.split(",") for line in handle.read().splitlines()]
    assert np.array_equal(16 * X, [[float(v) for v in row[:64]] for row in rows])
    assert np.array_equal(labels, [int(row[64]) for row in rows])
    assert X.min() == 0.0 and X.max() == 1.0
    assert np.array_equal(T, np.eye(10)[labels]) and np.array_equal(T.argmax(axis=1), labels)


def test_every_digit_has_the_counts_the_data_readme_states():
    _, _, labels = load_digits()
    counts = np.bincount(labels, minlength=10)
    assert len(counts) == 10 and counts.sum() == 1797
    assert counts.min() == 174 and counts.max() == 183  # "174–183 items per digit" (backprop/data/README.md)


def test_the_data_ship_with_their_source_and_licence():
    readme, licence = (DATA / "README.md").read_text(), (DATA / "LICENCE.md").read_text()
    for text in (readme, licence):
        assert "doi:10.24432/C50P49" in text and "CC BY 4.0" in text
    assert "digits.csv.gz" in readme and "iris.csv" in readme


@pytest.mark.parametrize("seed", [0, 1, 7])
@pytest.mark.parametrize("fractions", [(0.6, 0.15, 0.25), (0.75, 0.25), (0.5, 0.2, 0.2, 0.1)])
def test_the_split_is_a_partition_with_the_same_share_of_every_class(seed, fractions):
    _, _, labels = load_digits()
    parts = stratified_split(labels, fractions, seed=seed)
    assert len(parts) == len(fractions)
    joined = np.sort(np.concatenate(parts))
    assert np.array_equal(joined, np.arange(len(labels)))  # every item once
    for part, share in zip(parts, fractions):
        assert np.all(np.diff(part) > 0)  # increasing
        for digit in range(10):
            n = np.sum(labels == digit)
            assert abs(np.sum(labels[part] == digit) - share * n) <= 1  # rounding only


def test_the_split_depends_on_the_seed_only():
    labels = np.repeat(np.arange(4), 25)
    first, again, other = (stratified_split(labels, seed=s) for s in (3, 3, 4))
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    assert not all(np.array_equal(a, b) for a, b in zip(first, other))
    assert all(np.array_equal(a, b) for a, b in zip(first, stratified_split(list(labels), seed=3)))


@pytest.mark.parametrize("call, argument", [
    (lambda labels: stratified_split(labels, (0.5, 0.4)), "fractions"),
    (lambda labels: stratified_split(labels, (1.2, -0.2)), "fractions"),
    (lambda labels: stratified_split(labels, (1.0,)), "fractions"),
    (lambda labels: stratified_split(labels, ("a", "b")), "fractions"),
    (lambda labels: stratified_split(labels.astype(float)), "labels"),
    (lambda labels: stratified_split(labels.reshape(10, 10)), "labels"),
    (lambda labels: stratified_split(labels[:0]), "labels"),
    (lambda labels: stratified_split(labels, seed=-1), "seed"),
])
def test_the_split_refuses_bad_arguments_by_name(call, argument):
    labels = np.repeat(np.arange(4), 25)
    with pytest.raises((ValueError, TypeError), match=argument):
        call(labels)


def penalised_case(sizes, seed, lam):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(12, sizes[0]))
    T = np.eye(sizes[-1])[rng.integers(sizes[-1], size=12)]
    return Network(sizes, seed=seed), X, T, lam


@pytest.mark.parametrize("sizes", [[5, 4, 3], [4, 6, 5, 3]], ids=["1 hidden", "2 hidden"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_weight_decay_steps_along_the_penalised_gradient_by_central_differences(sizes, seed):
    net, X, T, lam = penalised_case(sizes, seed, lam=0.05)

    def penalised_error():
        data_error = network_error(X, T, net.weights, net.biases, net.hidden, net.output)
        return data_error + lam / 2 * sum(np.sum(w**2) for w in net.weights)

    numerical = numerical_gradient(penalised_error, net.weights + net.biases)
    before = [a.copy() for a in net.weights + net.biases]
    eta = 0.5
    net.train(X, T, learning_rate=eta, epochs=1, batch_size=len(X), weight_decay=lam)
    moved = [(after - start) / eta for after, start in zip(net.weights + net.biases, before)]
    assert max(worst_relative_error(m, n) for m, n in zip(moved, numerical)) < 1e-6


def test_weight_decay_subtracts_lambda_w_from_weight_gradients_only():
    net, X, T, lam = penalised_case([5, 4, 3], 3, lam=0.1)
    plain = Network([5, 4, 3], seed=3)
    gradients = backward(X, T, net.weights, net.biases)
    expected_w = [w + 0.2 * (g_w - lam * w) for w, (g_w, _) in zip(net.weights, gradients)]
    expected_b = [b + 0.2 * g_b for b, (_, g_b) in zip(net.biases, gradients)]
    net.train(X, T, learning_rate=0.2, epochs=1, batch_size=len(X), weight_decay=lam)
    plain.train(X, T, learning_rate=0.2, epochs=1, batch_size=len(X))
    assert all(np.allclose(w, e, rtol=1e-12, atol=1e-15) for w, e in zip(net.weights, expected_w))
    assert all(np.allclose(b, e, rtol=1e-12, atol=1e-15) for b, e in zip(net.biases, expected_b))
    assert all(np.array_equal(b, p) for b, p in zip(net.biases, plain.biases))


def test_zero_weight_decay_is_training_without_it_bit_for_bit():
    net, X, T, _ = penalised_case([5, 4, 3], 4, lam=0.0)
    other = Network([5, 4, 3], seed=4)
    first = net.train(X, T, learning_rate=0.3, epochs=5, batch_size=4, weight_decay=0.0)
    second = other.train(X, T, learning_rate=0.3, epochs=5, batch_size=4)
    assert first == second
    assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, other.weights + other.biases))


def test_weight_decay_shrinks_the_weights_and_works_with_momentum():
    net, X, T, lam = penalised_case([5, 8, 3], 5, lam=0.05)
    other = Network([5, 8, 3], seed=5)
    net.train(X, T, learning_rate=0.2, epochs=50, batch_size=4, momentum=0.5, weight_decay=lam)
    other.train(X, T, learning_rate=0.2, epochs=50, batch_size=4, momentum=0.5)
    assert sum(np.sum(w**2) for w in net.weights) < sum(np.sum(w**2) for w in other.weights)


@pytest.mark.parametrize("value, kind", [(-0.1, ValueError), (np.nan, ValueError), (np.inf, ValueError),
                                         ("0.1", TypeError), (True, TypeError), (None, TypeError)])
def test_a_refused_weight_decay_names_the_argument_and_changes_nothing(value, kind):
    net, X, T, _ = penalised_case([5, 4, 3], 6, lam=0.0)
    before = [a.copy() for a in net.weights + net.biases]
    with pytest.raises(kind, match="weight_decay"):
        net.train(X, T, epochs=2, weight_decay=value)
    assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, before))
