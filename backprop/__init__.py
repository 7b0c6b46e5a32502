"""backprop: the package of the course "Backprop, derived".

Every function here is defined, derived and checked in a chapter of the book; the modules are generated from the
chapter notebooks (`make export`), and this file, kept by hand, states the public API.
"""

from backprop.diagram import draw_network
from backprop.forward import (
    binary_cross_entropy,
    cross_entropy,
    error,
    forward,
    identity,
    init_weights,
    logistic,
    relu,
    softmax,
    squared_error,
    tanh,
)
from backprop.running_example import running_network

__all__ = [
    # Introduction: the running example and its picture.
    "running_network",
    "draw_network",
    # Chapter 1: activations, errors, the forward pass, starting weights.
    "logistic",
    "tanh",
    "relu",
    "identity",
    "softmax",
    "squared_error",
    "cross_entropy",
    "binary_cross_entropy",
    "error",
    "forward",
    "init_weights",
]
