"""Robustness, second pass: a refused call changes nothing, the gradient check never passes nan, no global switch.

One test (or a few) per finding of the fuzz run reported in issue 13, each written to fail on the code before the fix.
"""

import threading

import numpy as np
import pytest

import backprop
from backprop import (Network, draw_network, error, error_derivative, forward, hidden_signals, iris_regions,
                      learning_rate_paths, log_softmax, logistic, numerical_gradient, running_network, update,
                      worst_relative_error)
from backprop.weight_delta import descent_path


def snapshot(net):
    return [a.copy() for a in net.weights + net.biases]


def unchanged(net, saved):
    return all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, saved))


# 1. numerical_gradient restores every parameter, checks E first, and refuses useless steps.

def test_numerical_gradient_with_an_error_that_is_not_callable_changes_nothing():
    x, t, weights, biases = running_network()
    w = np.array([1.0, 2.0])
    with pytest.raises(TypeError, match="E"):
        numerical_gradient(error(t, forward(x, weights, biases)[-1]), [w])
    assert np.array_equal(w, [1.0, 2.0])


def test_numerical_gradient_restores_the_parameter_when_E_raises_part_way():
    w = np.array([1.0, 2.0])
    calls = []

    def E():
        calls.append(1)
        if len(calls) > 2:
            raise RuntimeError("boom")
        return float(np.sum(w ** 2))

    with pytest.raises(RuntimeError):
        numerical_gradient(E, [w])
    assert np.array_equal(w, [1.0, 2.0])


@pytest.mark.parametrize("bad", [lambda: float("nan"), lambda: "1.0", lambda: np.ones(2)])
def test_numerical_gradient_refuses_an_E_that_does_not_return_a_finite_number(bad):
    w = np.array([1.0, 2.0])
    with pytest.raises((TypeError, ValueError), match="E"):
        numerical_gradient(bad, [w])
    assert np.array_equal(w, [1.0, 2.0])


@pytest.mark.parametrize("step", [1e-300, 1e300])
def test_numerical_gradient_refuses_a_step_that_gives_no_gradient(step):
    w = np.array([1.0, 2.0])
    with pytest.raises(ValueError, match="step"):
        numerical_gradient(lambda: float(np.sum(w ** 2)), [w], step=step)
    assert np.array_equal(w, [1.0, 2.0])


# 2. The referee never calls a nan gradient perfect.

@pytest.mark.parametrize("analytic, numerical", [([np.nan], [1.0]), ([1.0], [np.nan]), ([np.inf], [1.0]),
                                                 ([1.0], [-np.inf])])
def test_worst_relative_error_refuses_nan_and_inf(analytic, numerical):
    with pytest.raises(ValueError, match="analytic|numerical"):
        worst_relative_error(np.array(analytic), np.array(numerical))


@pytest.mark.parametrize("floor", [float("nan"), 0.0, -1.0, float("inf")])
def test_worst_relative_error_refuses_a_floor_that_is_not_positive_and_finite(floor):
    with pytest.raises(ValueError, match="floor"):
        worst_relative_error(np.array([1.0]), np.array([1.0]), floor=floor)


# 3. update checks every layer before it changes the first, and refuses weights it cannot change in place.

def test_update_with_a_bad_second_layer_changes_nothing():
    x, t, weights, biases = running_network()
    saved = [a.copy() for a in weights + biases]
    gradients = [(np.ones((3, 4)), np.ones(4)), (np.full((4, 2), np.nan), np.ones(2))]
    with pytest.raises(ValueError, match=r"gradients\[1\]"):
        update(weights, biases, gradients, 0.1)
    assert all(np.array_equal(a, b) for a, b in zip(weights + biases, saved))
    gradients = [(np.ones((3, 4)), np.ones(4)), (np.ones((2, 4)), np.ones(2))]
    with pytest.raises(ValueError, match=r"gradients\[1\]"):
        update(weights, biases, gradients, 0.1)
    assert all(np.array_equal(a, b) for a, b in zip(weights + biases, saved))


def test_update_refuses_weights_it_cannot_change_in_place():
    with pytest.raises(TypeError, match="weights"):
        update([[[1.0, 2.0]]], [np.zeros(2)], [(np.ones((1, 2)), np.ones(2))], 0.1)


def test_update_with_a_read_only_layer_changes_nothing():
    x, t, weights, biases = running_network()
    weights[1].flags.writeable = False
    saved = [a.copy() for a in weights + biases]
    with pytest.raises((TypeError, ValueError), match=r"weights\[1\]"):
        update(weights, biases, [(np.ones((3, 4)), np.ones(4)), (np.ones((4, 2)), np.ones(2))], 0.1)
    assert all(np.array_equal(a, b) for a, b in zip(weights + biases, saved))


def test_train_with_a_read_only_weight_refuses_before_changing_anything():
    X, T, _ = backprop.load_iris()
    net = Network([4, 5, 3], seed=0)
    net.weights[1].flags.writeable = False
    saved = snapshot(net)
    with pytest.raises((TypeError, ValueError), match=r"weights\[1\]"):
        net.train(X, T, epochs=1)
    assert unchanged(net, saved)


# 4. No global switch: checks hold in every thread while another trains.

def test_checks_hold_in_one_thread_while_another_trains():
    X, T, _ = backprop.load_iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    stop = threading.Event()

    def trainer():
        net = Network([4, 5, 3], seed=1)
        while not stop.is_set():
            net.train(X, T, epochs=1, batch_size=150)

    threads = [threading.Thread(target=trainer) for _ in range(2)]
    for thread in threads:
        thread.start()
    net = Network([4, 5, 3], seed=0)
    try:
        accepted = 0
        for _ in range(300):
            try:
                net.forward([np.nan, 1.0, 2.0, 3.0])
                accepted += 1
            except ValueError:
                pass
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert accepted == 0, f"{accepted} of 300 calls with a nan input were accepted while another thread trained"
    with pytest.raises(ValueError, match="X"):
        net.forward([np.nan, 1.0, 2.0, 3.0])


def test_the_package_has_no_module_level_switch():
    assert not hasattr(backprop.checks, "trusted") and not hasattr(backprop.checks, "_trusted")


# 5. A failed train leaves the network as it was before the call; huge errors count as divergence.

def test_a_diverging_train_leaves_the_network_exactly_as_before_the_call():
    rng = np.random.default_rng(0)
    X, T = 10 * rng.normal(size=(20, 3)), 10 * rng.normal(size=(20, 2))
    net = Network([3, 4, 2], hidden="relu", output="identity", error="squared_error", seed=0)
    net.train(X, T, learning_rate=1e-4, epochs=2)  # a network that has trained a little
    saved = snapshot(net)
    with pytest.raises(FloatingPointError, match="as (it was|they were) before"):
        net.train(X, T, learning_rate=50.0, epochs=100)
    assert unchanged(net, saved)


def test_an_error_a_million_times_its_start_is_divergence_even_while_finite():
    rng = np.random.default_rng(1)
    X, T = rng.normal(size=(20, 3)), rng.normal(size=(20, 2))
    net = Network([3, 4, 2], hidden="tanh", output="identity", error="squared_error", seed=0)
    saved = snapshot(net)
    with pytest.raises(FloatingPointError):
        net.train(X, T, learning_rate=3.0, epochs=200, batch_size=20)
    assert unchanged(net, saved)


def test_step_refuses_a_network_that_holds_nan():
    net = Network([4, 5, 3], seed=0)
    net.weights[0][0, 0] = np.nan
    saved = snapshot(net)
    with pytest.raises(ValueError, match=r"weights\[0\]"):
        net.step(np.ones(4), np.array([1.0, 0.0, 0.0]))
    assert all(np.array_equal(a, b, equal_nan=True) for a, b in zip(net.weights + net.biases, saved))


# 6. error_derivative is finite where logistic outputs saturate, and refuses what cross_entropy refuses.

def test_error_derivative_at_a_saturated_logistic_output_is_exact():
    for z in (37.0, 40.0, 700.0):
        assert error_derivative([1.0], logistic([z]), "cross_entropy", "logistic")[0] == -1.0
        o = logistic([-z])
        assert error_derivative([0.0], o, "cross_entropy", "logistic")[0] == 1.0 / (1.0 - o[0])  # ≈ 1


def test_error_derivative_refuses_outputs_that_are_not_probabilities_for_cross_entropy():
    with pytest.raises(ValueError, match="outputs"):
        error_derivative([1.0, 0.0], [2.0, -1.0], "cross_entropy", "softmax")


# 7. Messages that name the right argument.

def test_transposed_weights_are_named_as_weights():
    x, t, weights, biases = running_network()
    with pytest.raises(ValueError, match=r"weights\[0\].*transposed"):
        forward(x, [weights[0].T, weights[1]], biases)
    with pytest.raises(ValueError, match=r"weights.*transposed"):
        hidden_signals(np.ones(2), weights[1].T, np.ones(4))


def test_kind_is_named_kind():
    with pytest.raises(ValueError, match="kind="):
        error([1.0, 0.0], [0.5, 0.5], kind="mse")


@pytest.mark.parametrize("value", [None, [1.0, None, 2.0, 3.0]])
def test_none_is_not_called_nan(value):
    with pytest.raises(TypeError, match="X.*(None|numbers)"):
        Network([4, 5, 3]).forward(value)


@pytest.mark.parametrize("seed", [-1, 1.5, "a"])
def test_seed_is_named(seed):
    with pytest.raises((TypeError, ValueError), match="seed"):
        Network([4, 5, 3], seed=seed)
    X, T, _ = backprop.load_iris()
    net = Network([4, 5, 3])
    saved = snapshot(net)
    with pytest.raises((TypeError, ValueError), match="seed"):
        net.train(X, T, seed=seed, epochs=1)
    assert unchanged(net, saved)


def test_layer_sizes_as_an_array_and_momentum_as_a_numpy_int_are_accepted():
    assert Network(np.array([4, 5, 3])).layer_sizes == [4, 5, 3]
    X, T, _ = backprop.load_iris()
    Network([4, 5, 3]).train(X, T, epochs=1, momentum=np.int64(0))


# 8. Silent acceptance: refused now.

@pytest.mark.parametrize("value", [np.ones(4) + 1j, ["1", "2", "3", "4"]])
def test_complex_numbers_and_numeric_strings_are_refused(value):
    with pytest.raises(TypeError, match="X"):
        Network([4, 5, 3]).forward(value)


def test_a_single_softmax_output_is_refused():
    with pytest.raises(ValueError, match="softmax"):
        Network([4, 7, 1], output="softmax")


@pytest.mark.parametrize("kwargs, name", [({"learning_rate": -0.1}, "learning_rate"),
                                          ({"learning_rate": float("nan")}, "learning_rate"),
                                          ({"steps": -1}, "steps"), ({"gradient": None}, "gradient"),
                                          ({"w": float("nan")}, "w")])
def test_descent_path_refuses_bad_arguments(kwargs, name):
    arguments = {"gradient": lambda w: -w, "w": 1.0, "learning_rate": 0.1, "steps": 3, **kwargs}
    with pytest.raises((TypeError, ValueError), match=name):
        descent_path(**arguments)


def test_iris_regions_refuses_more_snapshots_than_epochs():
    with pytest.raises(ValueError, match="snapshots"):
        iris_regions(epochs=3, snapshots=10)


def test_learning_rate_paths_never_returns_inf():
    with pytest.raises((ValueError, FloatingPointError), match="learning_rate"):
        learning_rate_paths(1e10)


def test_log_softmax_refuses_sums_whose_spread_overflows():
    with pytest.raises(ValueError, match="z"):
        log_softmax([1.7e308, -1.7e308])


def test_draw_network_refuses_an_empty_list():
    with pytest.raises(ValueError, match="weights"):
        draw_network([])
