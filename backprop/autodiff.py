# Generated — edit the notebook, not this file: chapters/10_autodiff.ipynb.
# `make export` rewrites it.
"""Reverse-mode automatic differentiation: the seven points as an engine.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["gradient_costs", "Node", "error_graph", "engine_gradients"]


# --- chapters/10_autodiff.ipynb, cell 3 ---
import numpy as np

from backprop.checks import (
    HIDDEN,
    check_array,
    check_items,
    check_layer_sizes,
    check_name,
    check_network,
    check_output_error,
    check_positive_int,
)
from backprop.forward import _logistic, _softmax


# --- chapters/10_autodiff.ipynb, cell 6 ---
def gradient_costs(layer_sizes, items=1):
    """The multiply-adds of a forward pass, a backward pass and central differences,
    counted from the layer sizes.

    Parameters
    ----------
    layer_sizes : list of int
        Inputs, hidden layers, outputs, for example [3, 4, 2].
    items : int
        N, the number of items in the batch (a positive int).

    Returns
    -------
    dict
        ``parameters``: P, the number of weights and biases; ``forward``: F, the
        multiply-adds of the weighted sums, N Σ_l n_(l−1) n_l; ``backward``: B, those of
        the gradients a^(l−1)ᵀ δ^(l) and of the signals δ^(l) W^(l)ᵀ sent below the
        first layer; ``central_differences``: 2P forward passes, 2 P F.
    """
    sizes = check_layer_sizes(layer_sizes)
    n = check_positive_int("items", items)
    return _gradient_costs(sizes, n)


def _gradient_costs(sizes, n):
    """The kernel of gradient_costs, for arguments already checked."""
    products = [n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    parameters = sum(products) + sum(sizes[1:])
    forward = n * sum(products)
    return {
        "parameters": parameters,
        "forward": forward,
        "backward": forward + n * sum(products[1:]),
        "central_differences": 2 * parameters * forward,
    }


# --- chapters/10_autodiff.ipynb, cell 24 ---
def _no_rule():
    """The backward rule of a leaf (an input, a weight, a constant): nothing to pass
    on."""


class Node:
    """A value in a computation, and what reverse-mode differentiation needs.

    Parameters
    ----------
    value : array_like
        A number, a vector or a matrix of real numbers (float64 after conversion).
    parents : tuple of Node
        The nodes this one is computed from; empty for a leaf (an input, a weight).
    op : str
        The operation that computed it, for display ("@", "+", "tanh", ...).

    Attributes
    ----------
    grad : ndarray
        ∂E/∂(this node), shaped like ``value``; ``E.backward()`` fills it. Like
        micrograd's and PyTorch's ``grad`` it is the derivative itself: the book's
        gradient of a weight node W is ``-W.grad``, the signal of a sum node z is
        ``-z.grad``.

    Notes
    -----
    Operations, each giving a new node: ``a + b``, ``a - b``, ``-a``, ``a * b`` (entry
    by entry, with numpy's broadcasting; a plain number or array is a constant),
    ``a @ W`` (a vector or a batch times a matrix), ``a.sum()`` (of every entry),
    ``a.tanh()``, ``a.logistic()``, ``a.relu()``, ``a.log()`` and ``a.softmax()``
    (over the last axis).
    """

    def __init__(self, value, parents=(), op=""):
        if not isinstance(parents, tuple) or not all(
            isinstance(p, Node) for p in parents
        ):
            raise TypeError(
                f"parents must be a tuple of Node objects, got {parents!r:.60}"
            )
        if not isinstance(op, str):
            raise TypeError(f"op must be a string, got {type(op).__name__}")
        self.value = check_array("value", value, ndim=(0, 1, 2))
        self.grad = np.zeros_like(self.value)
        self.parents, self.op = parents, op
        self._backward = _no_rule  # how this node's grad reaches its parents

    __array_ufunc__ = None  # numpy defers: array * node calls node.__rmul__

    def __repr__(self):
        return f"Node({self.op or 'leaf'}, shape {self.value.shape})"

    def __add__(self, other):
        other = _as_node(other)
        out = _node(self.value + other.value, (self, other), "+")

        def _backward():  # ∂(a + b)/∂a = 1
            self.grad += _unbroadcast(out.grad, self.value.shape)
            other.grad += _unbroadcast(out.grad, other.value.shape)

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = _as_node(other)
        out = _node(self.value * other.value, (self, other), "×")

        def _backward():  # ∂(a b)/∂a = b, entry by entry
            self.grad += _unbroadcast(other.value * out.grad, self.value.shape)
            other.grad += _unbroadcast(self.value * out.grad, other.value.shape)

        out._backward = _backward
        return out

    def __matmul__(self, other):
        other = _as_node(other)
        out = _node(self.value @ other.value, (self, other), "@")

        def _backward():  # ∂E/∂a = ∂E/∂c Wᵀ;  ∂E/∂W = aᵀ ∂E/∂c
            self.grad += out.grad @ other.value.T
            other.grad += np.atleast_2d(self.value).T @ np.atleast_2d(out.grad)

        out._backward = _backward
        return out

    def sum(self):
        """The sum of every entry, a node holding a single number."""
        out = _node(np.sum(self.value), (self,), "Σ")

        def _backward():  # every entry counts once
            self.grad += out.grad

        out._backward = _backward
        return out

    __radd__, __rmul__ = __add__, __mul__

    def __rmatmul__(self, other):
        return _as_node(other) @ self

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + -_as_node(other)

    def __rsub__(self, other):
        return _as_node(other) + -self

    def backward(self):
        """Fill ∂E/∂(node) into the grad of every node that E (this node) comes from."""
        if self.value.ndim != 0:
            raise ValueError(
                "backward starts from a single number, the error E; "
                f"this node has shape {self.value.shape} (sum it first)"
            )
        order, seen = [], set()

        def visit(node):  # each node after the nodes it is computed from
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        for node in order:
            node.grad = np.zeros_like(node.value)
        self.grad = np.ones_like(self.value)  # ∂E/∂E = 1
        for node in reversed(order):
            node._backward()


def _node(value, parents, op):
    """A node computed by the engine's own operations (its inputs are already
    checked)."""
    out = Node.__new__(Node)
    out.value = np.asarray(value, dtype=np.float64)
    out.grad = np.zeros_like(out.value)
    out.parents, out.op, out._backward = parents, op, _no_rule
    return out


def _as_node(a):
    """A node as it is, a plain number or array as a constant leaf."""
    return a if isinstance(a, Node) else Node(a)


def _unbroadcast(grad, shape):
    """Sum a derivative over the axes numpy broadcast a value of `shape` along."""
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    return grad.sum(axis=tuple(i for i, n in enumerate(shape) if n == 1), keepdims=True)


# --- chapters/10_autodiff.ipynb, cell 26 ---
def _unary(a, value, op, local):
    """A node c = op(a) whose backward rule adds local(a, c) × ∂E/∂c to a.grad."""
    out = _node(value, (a,), op)

    def _backward():
        a.grad += local(a.value, out.value) * out.grad

    out._backward = _backward
    return out


def _tanh(a):
    return _unary(a, np.tanh(a.value), "tanh", lambda a, c: 1.0 - c**2)


def _logistic_node(a):
    return _unary(a, _logistic(a.value), "logistic", lambda a, c: c * (1.0 - c))


def _relu(a):
    return _unary(a, np.maximum(a.value, 0.0), "relu", lambda a, c: a > 0)


def _log(a):
    return _unary(a, np.log(a.value), "log", lambda a, c: 1.0 / a)


def _softmax_node(a):
    out = _node(_softmax(a.value), (a,), "softmax")

    def _backward():  # o_k (∂E/∂o_k − Σ_m ∂E/∂o_m o_m)
        o = out.value
        a.grad += o * (out.grad - np.sum(out.grad * o, axis=-1, keepdims=True))

    out._backward = _backward
    return out


Node.tanh, Node.logistic, Node.relu = _tanh, _logistic_node, _relu
Node.log, Node.softmax = _log, _softmax_node


# --- chapters/10_autodiff.ipynb, cell 30 ---
_ACTIVATIONS = {
    "tanh": _tanh,
    "logistic": _logistic_node,
    "relu": _relu,
    "softmax": _softmax_node,
    "identity": lambda z: z,
}


def error_graph(
    x, t, weights, biases, hidden="tanh", output="softmax", error="cross_entropy"
):
    """The batch-mean error of a network as a graph of nodes: the forward pass run on
    nodes instead of arrays.

    Parameters
    ----------
    x, t : array_like
        Inputs and targets: one item (1-D) or a batch (one item per row).
    weights, biases : list of ndarray
        The network, as for ``forward``; the graph holds copies.
    hidden : {"tanh", "logistic", "relu"}
        The hidden activation.
    output : {"softmax", "logistic", "identity"}
        The output activation.
    error : {"cross_entropy", "squared_error"}
        The error function (cross-entropy takes the logarithm of the outputs, which
        must not round to 0 or 1).

    Returns
    -------
    E : Node
        The error, a single number; ``E.backward()`` fills every node's grad.
    W, b : list of Node
        The weight and bias nodes, input side first.
    """
    weights, biases = check_network(weights, biases)
    check_name("hidden", hidden, HIDDEN)
    check_output_error(output, error)
    x, t = check_items(x, t, weights)
    return _error_graph(x, t, weights, biases, hidden, output, error)


def _error_graph(x, t, weights, biases, hidden, output, error):
    """The kernel of error_graph, for arguments already checked."""
    W = [_node(w.copy(), (), f"W{l + 1}") for l, w in enumerate(weights)]
    b = [_node(v.copy(), (), f"b{l + 1}") for l, v in enumerate(biases)]
    a = _node(x, (), "x")
    for l in range(len(W)):
        a = _ACTIVATIONS[hidden if l < len(W) - 1 else output](a @ W[l] + b[l])
    o, t, n = a, _node(t, (), "t"), 1 if x.ndim == 1 else x.shape[0]
    if error == "squared_error":
        d = t - o
        per_entry = 0.5 * d * d
    elif output == "softmax":
        per_entry = -(t * o.log())
    else:
        per_entry = -(t * o.log() + (1.0 - t) * (1.0 - o).log())
    return per_entry.sum() * (1.0 / n), W, b


def engine_gradients(
    x, t, weights, biases, hidden="tanh", output="softmax", error="cross_entropy"
):
    """The gradients −∂E/∂w and −∂E/∂b of the batch-mean error, by the engine.

    The same arguments and result as ``backward``: one pair (g_w, g_b) per layer,
    input side first, with the book's sign.
    """
    E, W, b = error_graph(x, t, weights, biases, hidden, output, error)
    E.backward()
    return [(-w.grad, -v.grad) for w, v in zip(W, b)]
