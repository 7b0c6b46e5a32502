# Generated — edit the notebook, not this file: chapters/08_training.ipynb.
# `make export` rewrites it.
"""Training end to end.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["train", "accuracy", "Network", "iris_regions"]


# --- chapters/08_training.ipynb, cell 3 ---
import numpy as np

from backprop.backward import _backward
from backprop.checks import (
    HIDDEN,
    RULES,
    check_array,
    check_in_place,
    check_layer_sizes,
    check_learning_rate,
    check_momentum,
    check_name,
    check_network,
    check_output_error,
    check_pair,
    check_positive_int,
    check_seed,
    check_targets,
    check_weight_decay,
)
from backprop.forward import _forward, _network_error, init_weights
from backprop.weight_delta import _update, update


# --- chapters/08_training.ipynb, cell 9 ---
def train(
    X,
    T,
    weights,
    biases,
    hidden="tanh",
    output="softmax",
    error_function="cross_entropy",
    learning_rate=0.05,
    epochs=100,
    batch_size=1,
    seed=0,
    momentum=0.0,
    weight_decay=0.0,
    rule="exact",
    report_every=None,
):
    """Train weights and biases in place by back-propagation.

    Parameters
    ----------
    X, T : ndarray
        Training items and targets, one item per row.
    weights, biases : list of ndarray
        The network: writeable float64 arrays, changed in place.
    hidden, output, error_function : str
        The activations and error function, as for ``backward``.
    learning_rate : float
        η, positive and finite.
    epochs : int
        Passes over all the items.
    batch_size : int
        1 for online training, larger for mini-batches.
    seed : int
        Seed of ``numpy.random.default_rng`` (an int ≥ 0), which shuffles the items
        before every epoch.
    momentum : float
        μ in [0, 1); with μ > 0 each step adds v ← μ v + η g instead of η g.
    weight_decay : float
        λ ≥ 0; with λ > 0 training minimises E + (λ/2) Σ w² over every weight (not
        the biases), so each weight gradient gains the term −λ w (chapter 9 derives
        it). The returned errors are E alone.
    rule : {"exact", "per_node"}
        Output signals, as for ``output_signals``.
    report_every : int, optional
        Print the error every that many epochs (plain, deterministic text).

    Returns
    -------
    list of float
        The error on (X, T) after each epoch.

    Raises
    ------
    FloatingPointError
        Naming the epoch, if training diverges: the error or a weight stops being
        a finite number, or the error grows beyond a million times its value before
        training (beyond 1 if that value was below 1e-6). Every weight and bias is
        then put back exactly as it was before the call, as it is when an argument
        is refused.
    """
    eta = check_learning_rate(learning_rate)
    epochs = check_positive_int("epochs", epochs)
    batch_size = check_positive_int("batch_size", batch_size)
    momentum = check_momentum(momentum)
    weight_decay = check_weight_decay(weight_decay)
    seed = check_seed(seed)
    if report_every is not None:
        report_every = check_positive_int("report_every", report_every)
    check_in_place(weights, biases)
    check_network(weights, biases)
    check_name("hidden", hidden, HIDDEN)
    check_output_error(output, error_function, "error_function")
    check_name("rule", rule, RULES)
    if output == "softmax" and np.shape(weights[-1])[1] < 2:
        raise ValueError(
            "output='softmax' needs at least 2 output nodes: a single softmax "
            "output is always 1; use output='logistic' for one output"
        )
    X = check_array("X", X, ndim=(2,), width=weights[0].shape[0])
    T = check_targets(
        "T",
        check_array("T", T, ndim=(2,), width=weights[-1].shape[1]),
        output,
        error_function,
    )
    if len(X) != len(T):
        raise ValueError(
            f"X and T must hold the same items: got X of shape {X.shape} "
            f"and T of shape {T.shape}"
        )
    # Everything is checked: from here on the loop calls the kernels, and a step pays
    # only for its arithmetic.
    before = [a.copy() for a in weights + biases]
    limit = 1e6 * max(
        _network_error(X, T, weights, biases, hidden, output, error_function), 1e-6
    )
    rng = np.random.default_rng(seed)
    velocity = [(np.zeros_like(w), np.zeros_like(b)) for w, b in zip(weights, biases)]
    history = []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(1, epochs + 1):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                items = order[start : start + batch_size]
                gradients = _backward(
                    X[items],
                    T[items],
                    weights,
                    biases,
                    hidden,
                    output,
                    error_function,
                    rule,
                )
                if weight_decay:
                    gradients = [
                        (g_w - weight_decay * w, g_b)
                        for (g_w, g_b), w in zip(gradients, weights)
                    ]
                if momentum:
                    velocity = [
                        (momentum * v_w + eta * g_w, momentum * v_b + eta * g_b)
                        for (v_w, v_b), (g_w, g_b) in zip(velocity, gradients)
                    ]
                    _update(weights, biases, velocity, 1.0)
                else:
                    _update(weights, biases, gradients, eta)
            history.append(
                _network_error(X, T, weights, biases, hidden, output, error_function)
            )
            finite = np.isfinite(history[-1]) and all(
                np.all(np.isfinite(a)) for a in weights + biases
            )
            if not finite or history[-1] > limit:
                for a, saved in zip(weights + biases, before):
                    a[...] = saved  # never leave a diverged network behind
                what = (
                    "the error grew beyond a million times its start"
                    if finite
                    else "the error stopped being finite"
                    if not np.isfinite(history[-1])
                    else "a weight or bias stopped being finite"
                )
                raise FloatingPointError(
                    f"training diverged in epoch {epoch}: {what}; the weights and "
                    f"biases are back as they were before this call; try a smaller "
                    f"learning_rate than {eta}"
                )
            if report_every and epoch % report_every == 0:
                print(f"epoch {epoch:4d}: error {history[-1]:.4f}")
    return history


def accuracy(T, O):
    """The fraction of items whose largest output is where their target is largest.

    Parameters
    ----------
    T, O : array_like
        Targets and outputs, one item per row. With a single output (one logistic node)
        an item counts as right when the output is at least 0.5 exactly where the
        target is at least 0.5.

    Returns
    -------
    float
    """
    T, O = check_pair(T, O, ("T", "O"))
    T, O = np.atleast_2d(T), np.atleast_2d(O)
    if O.shape[1] == 1:
        return float(np.mean((O[:, 0] >= 0.5) == (T[:, 0] >= 0.5)))
    return float(np.mean(np.argmax(O, axis=1) == np.argmax(T, axis=1)))


# --- chapters/08_training.ipynb, cell 11 ---
class Network:
    """A fully connected network trained by back-propagation: the functions of chapters
    1 to 7 behind one object.

    Parameters
    ----------
    layer_sizes : list of int
        Inputs, any number of hidden layers, outputs; for example [4, 7, 3].
    hidden : {"tanh", "logistic", "relu"}
        The activation of every hidden layer.
    output : {"softmax", "logistic", "identity"}
        The output activation.
    error : {"cross_entropy", "squared_error"}
        The error function (identity outputs need squared error). The error of a batch
        is the mean over items.
    seed : int
        The starting weights are ``init_weights(layer_sizes, seed)``: uniform in
        ±sqrt(6 / (n_in + n_out)), biases 0. An int ≥ 0.

    Attributes
    ----------
    weights : list of ndarray
        ``weights[l]`` of shape (layer_sizes[l], layer_sizes[l+1]); may be assigned or
        edited in place.
    biases : list of ndarray
        ``biases[l]`` of shape (layer_sizes[l+1],); may be assigned or edited in place.
    """

    def __init__(
        self,
        layer_sizes,
        hidden="tanh",
        output="softmax",
        error="cross_entropy",
        seed=0,
    ):
        self.layer_sizes = check_layer_sizes(layer_sizes)
        self.hidden = check_name("hidden", hidden, HIDDEN)
        self.output, self.error_function = check_output_error(output, error)
        if output == "softmax" and self.layer_sizes[-1] < 2:
            raise ValueError(
                "output='softmax' needs at least 2 output nodes: a single softmax "
                "output is always 1; use output='logistic' for one output"
            )
        self.weights, self.biases = init_weights(self.layer_sizes, seed)

    def __repr__(self):
        return (
            f"Network({self.layer_sizes}, hidden={self.hidden!r}, "
            f"output={self.output!r}, error={self.error_function!r})"
        )

    def check_data(self, X, T):
        """X and T as float64 arrays that fit the network and hold the same items,
        or a clear error."""
        return self._checked(X, T)[:2]

    def _checked(self, X, T, targets=True):
        """X (and T, unless targets is False), the weights and the biases, checked
        against each other as they are now (they may have been assigned since the
        network was made)."""
        weights, biases = check_network(self.weights, self.biases)
        X = check_array("X", X, width=weights[0].shape[0])
        if not targets:
            return X, None, weights, biases
        T = check_array("T", T, width=weights[-1].shape[1])
        if X.ndim != T.ndim or X.shape[:-1] != T.shape[:-1]:
            raise ValueError(
                f"X and T must hold the same items: got X of shape {X.shape} "
                f"and T of shape {T.shape}"
            )
        return (
            X,
            check_targets("T", T, self.output, self.error_function),
            weights,
            biases,
        )

    def forward(self, X):
        """The outputs of the network.

        Parameters
        ----------
        X : array_like
            One item (1-D, n_in values) or a batch (n_items, n_in).

        Returns
        -------
        ndarray
            1-D outputs for one item, (n_items, n_out) for a batch.
        """
        X, _, weights, biases = self._checked(X, None, targets=False)
        return _forward(X, weights, biases, self.hidden, self.output)[-1]

    def error(self, X, T):
        """The error of the outputs for X against targets T, the mean over items.

        Parameters
        ----------
        X, T : array_like
            Items and targets, one per row (or one item, 1-D).

        Returns
        -------
        float
        """
        X, T, weights, biases = self._checked(X, T)
        return _network_error(
            X, T, weights, biases, self.hidden, self.output, self.error_function
        )

    def accuracy(self, X, T):
        """The fraction of items whose largest output is at their largest target (one
        output: threshold 0.5).

        Parameters
        ----------
        X, T : array_like
            Items and targets, one per row.

        Returns
        -------
        float
        """
        X, T = self.check_data(X, T)
        return accuracy(T, self.forward(X))

    def gradients(self, X, T, rule="exact"):
        """Gradients of the batch error for every layer, by back-propagation.

        Parameters
        ----------
        X, T : array_like
            Items and targets, one per row (or one item, 1-D).
        rule : {"exact", "per_node"}
            Exact output signals, or the summary's per-node rule (chapter 5).

        Returns
        -------
        list of (ndarray, ndarray)
            One (weight gradient, bias gradient) pair per layer, input side first:
            −∂E/∂w and −∂E/∂b, signal × input.
        """
        check_name("rule", rule, RULES)
        X, T, weights, biases = self._checked(X, T)
        return _backward(
            X, T, weights, biases, self.hidden, self.output, self.error_function, rule
        )

    def step(self, X, T, learning_rate=0.05, rule="exact"):
        """One training step: the gradients of the error on (X, T), then the update; the
        inputs are checked once.

        Parameters
        ----------
        X, T : array_like
            Items and targets, one per row (or one item, 1-D).
        learning_rate : float
            η, positive and finite.
        rule : {"exact", "per_node"}
            Output signals, as for ``gradients``.
        """
        eta = check_learning_rate(learning_rate)
        check_name("rule", rule, RULES)
        check_in_place(self.weights, self.biases)
        X, T, weights, biases = self._checked(X, T)
        gradients = _backward(
            X, T, weights, biases, self.hidden, self.output, self.error_function, rule
        )
        _update(weights, biases, gradients, eta)

    def update(self, gradients, learning_rate):
        """Add learning_rate × gradient to every weight and bias, in place.

        Parameters
        ----------
        gradients : list of (ndarray, ndarray)
            As returned by ``gradients``.
        learning_rate : float
            η, positive and finite.
        """
        update(self.weights, self.biases, gradients, learning_rate)

    def train(
        self,
        X,
        T,
        learning_rate=0.05,
        epochs=100,
        batch_size=1,
        seed=0,
        momentum=0.0,
        weight_decay=0.0,
        rule="exact",
        report_every=None,
    ):
        """Train on items X with targets T by back-propagation.

        Parameters
        ----------
        X, T : array_like
            Training items and targets, one item per row.
        learning_rate : float
            η, positive and finite.
        epochs : int
            Passes over all the items.
        batch_size : int
            1 for online training, larger for mini-batches.
        seed : int
            Seeds the shuffling of the items before every epoch.
        momentum : float
            μ in [0, 1).
        weight_decay : float
            λ ≥ 0: each step also pulls every weight towards 0 by η λ w (chapter 9).
        rule : {"exact", "per_node"}
            Output signals, as for ``gradients``.
        report_every : int, optional
            Print the error every that many epochs.

        Returns
        -------
        list of float
            The error on (X, T) after each epoch.
        """
        X, T = self.check_data(X, T)
        return train(
            X,
            T,
            self.weights,
            self.biases,
            self.hidden,
            self.output,
            self.error_function,
            learning_rate,
            epochs,
            batch_size,
            seed,
            momentum,
            weight_decay,
            rule,
            report_every,
        )


# --- chapters/08_training.ipynb, cell 46 ---
from backprop.data import load_iris


def iris_regions(
    hidden_units=7,
    learning_rate=0.05,
    epochs=30,
    hidden="tanh",
    error="cross_entropy",
    seed=0,
    snapshots=10,
):
    """Train a network on two Iris features (petal length and width) and record its
    decision regions.

    The split is chapter 8's (first 40 flowers of each species for training, last 10
    for testing), the features standardised with the training flowers' mean and
    standard deviation; training is online.

    Parameters
    ----------
    hidden_units : int
        Nodes in the single hidden layer.
    learning_rate : float
        η.
    epochs : int
        Passes over the 120 training flowers.
    hidden : {"tanh", "logistic", "relu"}
        The hidden activation.
    error : {"cross_entropy", "squared_error"}
        The error function (softmax outputs).
    seed : int
        Seeds the starting weights and the shuffling.
    snapshots : int
        How many times, evenly spread over training, to record the decision regions.

    Returns
    -------
    dict
        ``history`` (training error per epoch), ``train_accuracy``,
        ``test_accuracy``, ``length`` and ``width`` (the grid, in cm),
        ``regions`` (list of (epoch, predicted species on the grid)).
    """
    hidden_units = check_positive_int("hidden_units", hidden_units)
    epochs = check_positive_int("epochs", epochs)
    snapshots = check_positive_int("snapshots", snapshots)
    if snapshots > epochs:
        raise ValueError(
            f"snapshots={snapshots} is more than epochs={epochs}: "
            "at most one snapshot per epoch"
        )
    X, T, _ = load_iris()
    train_items, test_items = np.r_[0:40, 50:90, 100:140], np.r_[40:50, 90:100, 140:150]
    petal = X[:, 2:4]
    mean, std = petal[train_items].mean(axis=0), petal[train_items].std(axis=0)
    S = (petal - mean) / std
    net = Network(
        [2, hidden_units, 3], hidden=hidden, output="softmax", error=error, seed=seed
    )
    length, width = np.linspace(0.5, 7.5, 141), np.linspace(-0.2, 2.8, 121)
    grid = (np.array([[a, b] for b in width for a in length]) - mean) / std
    record_at = set(np.linspace(0, epochs, snapshots + 1).round().astype(int)[1:])
    history, regions = [], []
    for epoch in range(1, epochs + 1):
        history += net.train(
            S[train_items],
            T[train_items],
            learning_rate,
            epochs=1,
            seed=seed * 100_003 + epoch,
        )
        if epoch in record_at:
            predicted = np.argmax(net.forward(grid), axis=1)
            regions.append((epoch, predicted.reshape(len(width), len(length))))
    return {
        "history": history,
        "train_accuracy": net.accuracy(S[train_items], T[train_items]),
        "test_accuracy": net.accuracy(S[test_items], T[test_items]),
        "length": length,
        "width": width,
        "regions": regions,
    }
