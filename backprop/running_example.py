# Generated — edit the notebook, not this file: chapters/00_introduction.ipynb.
# `make export` rewrites it.
"""Backprop, derived.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["running_network"]


# --- chapters/00_introduction.ipynb, cell 3 ---
import numpy as np


# --- chapters/00_introduction.ipynb, cell 4 ---
def running_network():
    """The book's running example: a 3-4-2 network and one training item.

    Returns
    -------
    x : ndarray, shape (3,)
        The input, (1.0, 0.5, -1.0).
    t : ndarray, shape (2,)
        The target, (1, 0).
    weights : list of ndarray
        ``[w_ih, w_ho]``, of shapes (3, 4) and (4, 2); row = the node a weight
        comes from.
    biases : list of ndarray
        ``[b_h, b_o]``, of shapes (4,) and (2,).

    Notes
    -----
    Every call returns fresh arrays, so a chapter may change them freely.
    """
    x = np.array([1.0, 0.5, -1.0])
    t = np.array([1.0, 0.0])
    w_ih = np.array(
        [
            [0.10, -0.20, 0.30, 0.40],
            [-0.50, 0.60, -0.10, 0.20],
            [0.30, 0.10, -0.40, 0.50],
        ]
    )
    b_h = np.array([0.10, -0.10, 0.20, 0.05])
    w_ho = np.array([[0.20, -0.30], [0.50, 0.10], [-0.40, 0.20], [0.30, -0.60]])
    b_o = np.array([0.05, -0.05])
    return x, t, [w_ih, w_ho], [b_h, b_o]
