"""backprop: the package of the course "Backprop, derived".

Every function here is defined, derived and checked in a chapter of the book; the
modules are generated from the
chapter notebooks (`make export`), and this file, kept by hand, states the public API.
"""

from backprop.backward import backward
from backprop.data import load_digits, load_iris, stratified_split
from backprop.diagram import draw_network
from backprop.forward import (
    binary_cross_entropy,
    cross_entropy,
    error,
    forward,
    identity,
    init_weights,
    log_softmax,
    logistic,
    network_error,
    relu,
    softmax,
    squared_error,
    tanh,
)
from backprop.gradient_check import (
    error_derivative,
    numerical_gradient,
    worst_relative_error,
)
from backprop.gradients import weight_gradients
from backprop.hidden_signals import activation_curves, hidden_derivative, hidden_signals
from backprop.network import Network, iris_regions
from backprop.output_signals import (
    logistic_derivative,
    output_signal_curves,
    output_signals,
    softmax_jacobian,
)
from backprop.running_example import running_network
from backprop.weight_delta import descent_path, learning_rate_paths, update

# Chapter 10: reverse-mode automatic differentiation.
from backprop.autodiff import Node, engine_gradients, error_graph, gradient_costs

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
    "log_softmax",
    "squared_error",
    "cross_entropy",
    "binary_cross_entropy",
    "error",
    "forward",
    "network_error",
    "init_weights",
    # Chapter 2: the weight delta.
    "update",
    "descent_path",
    "learning_rate_paths",
    # Chapter 3: the error's derivative, and central differences as the referee.
    "error_derivative",
    "numerical_gradient",
    "worst_relative_error",
    # Chapter 4: gradients of a layer's weights and biases from its signals and inputs.
    "weight_gradients",
    # Chapter 5: output signals, and the derivatives of the output activations.
    "output_signals",
    "logistic_derivative",
    "softmax_jacobian",
    "output_signal_curves",
    # Chapter 7: hidden signals, and the whole backward pass.
    "hidden_signals",
    "hidden_derivative",
    "backward",
    "activation_curves",
    # Chapter 8: training, the Network class, the Iris data.
    "Network",
    "load_iris",
    "iris_regions",
    # Chapter 9: handwritten digits, split three ways (and train's weight_decay).
    "load_digits",
    "stratified_split",
    # Chapter 10: the cost of a gradient, and a reverse-mode differentiation engine.
    "gradient_costs",
    "Node",
    "error_graph",
    "engine_gradients",
]
