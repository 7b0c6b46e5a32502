# Generated — edit the notebook, not this file: chapters/00_introduction.ipynb.
# `make export` rewrites it.
"""Backprop, derived.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["draw_network"]


# --- chapters/00_introduction.ipynb, cell 7 ---
import matplotlib.pyplot as plt
import numpy as np

from backprop.checks import check_array


def _check_layers(name, arrays, sizes):
    """None, or one finite 1-D array per layer with the layer's number of values."""
    if arrays is None:
        return None
    if not isinstance(arrays, (list, tuple)) or len(arrays) != len(sizes):
        raise ValueError(
            f"{name} must be a list of {len(sizes)} arrays, one per layer; "
            f"got {arrays!r:.60}"
        )
    return [
        check_array(f"{name}[{l}]", a, ndim=(1,), width=n)
        for l, (a, n) in enumerate(zip(arrays, sizes))
    ]


def draw_network(
    weights,
    biases=None,
    values=None,
    names=None,
    ax=None,
    title=None,
    flow="forward",
    highlight=None,
    edge_labels=True,
):
    """Draw a layered network, inputs on the left, with the direction of flow
    marked by arrows.

    Parameters
    ----------
    weights : list of 2-D arrays
        ``weights[l][a, b]`` is the weight from node a of layer l to node b of layer
        l+1. Each edge is labelled with its value; its colour gives the sign (blue
        positive, red negative) and its width the size. Pass gradients here to draw
        gradients on the edges.
    biases : list of 1-D arrays, optional
        ``biases[l]`` belongs to layer l+1 and is written under its nodes.
    values : list of 1-D arrays, optional
        One per layer (for example x, h, o, or signals), written inside the nodes.
    names : list of str, optional
        One symbol per layer; default x, h, o (h1, h2, ... with more hidden layers).
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        A title above the diagram.
    flow : {"forward", "backward"}
        Arrows pointing right (values flowing to the outputs) or left (signals
        flowing back).
    highlight : int, optional
        Index of a layer of nodes to fill with a highlight colour (0 = inputs).
    edge_labels : bool
        Write each edge's value on it (colour and width show it either way).

    Returns
    -------
    matplotlib Axes
    """
    if not isinstance(weights, (list, tuple)) or len(weights) == 0:
        raise ValueError(
            "weights must be a non-empty list of 2-D arrays, "
            f"one per layer of weights; got {weights!r:.60}"
        )
    weights = [
        check_array(f"weights[{l}]", w, ndim=(2,)) for l, w in enumerate(weights)
    ]
    sizes = [weights[0].shape[0]] + [w.shape[1] for w in weights]
    for l in range(1, len(weights)):
        if np.shape(weights[l])[0] != sizes[l]:
            raise ValueError(
                f"weights[{l}] has {np.shape(weights[l])[0]} rows, "
                f"but layer {l} has {sizes[l]} nodes "
                f"(the columns of weights[{l - 1}])"
            )
    biases = _check_layers("biases", biases, sizes[1:])
    values = _check_layers("values", values, sizes)
    if names is not None and (
        not isinstance(names, (list, tuple))
        or len(names) != len(sizes)
        or not all(isinstance(name, str) for name in names)
    ):
        raise ValueError(
            f"names must be a list of {len(sizes)} strings, one per layer; "
            f"got {names!r:.60}"
        )
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a string, got {type(title).__name__}")
    if highlight is not None and (
        isinstance(highlight, bool)
        or not isinstance(highlight, (int, np.integer))
        or highlight not in range(len(sizes))
    ):
        raise ValueError(
            f"highlight must be the index of a layer, 0 to {len(sizes) - 1}, "
            f"got {highlight!r:.60}"
        )
    if not isinstance(flow, str) or flow not in ("forward", "backward"):
        raise ValueError(
            f"flow={flow!r:.60} is not one of the supported values: "
            "'forward', 'backward'"
        )
    if not isinstance(edge_labels, (bool, np.bool_)):
        raise TypeError(f"edge_labels must be True or False, got {edge_labels!r:.60}")
    if names is None:
        hidden = (
            ["h"] if len(sizes) == 3 else [f"h{l}" for l in range(1, len(sizes) - 1)]
        )
        names = ["x", *hidden, "o"]
    if ax is None:
        _, ax = plt.subplots(figsize=(2.2 * len(sizes) + 0.8, 0.95 * max(sizes) + 1.0))
    gap = 2.6
    places = [
        [(gap * l, (n - 1) / 2 - a) for a in range(n)] for l, n in enumerate(sizes)
    ]
    largest = max(float(np.abs(w).max()) for w in weights) or 1.0
    for l, w in enumerate(weights):
        for a, (xa, ya) in enumerate(places[l]):
            # label position along the edge, staggered by source node
            s = 0.28 + 0.44 * a / max(sizes[l] - 1, 1)
            for b, (xb, yb) in enumerate(places[l + 1]):
                colour = "#1f5fa8" if w[a, b] >= 0 else "#c0392b"
                tail, head = (
                    (xa + 0.33, ya + 0.33 * (yb - ya) / gap),
                    (xb - 0.33, yb - 0.33 * (yb - ya) / gap),
                )
                if flow == "backward":
                    tail, head = head, tail
                ax.annotate(
                    "",
                    xy=head,
                    xytext=tail,
                    zorder=1,
                    arrowprops=dict(
                        arrowstyle="-|>",
                        color=colour,
                        lw=0.6 + 2.4 * abs(w[a, b]) / largest,
                        shrinkA=0,
                        shrinkB=0,
                        mutation_scale=10,
                    ),
                )
                if edge_labels:
                    ax.text(
                        xa + s * (xb - xa),
                        ya + s * (yb - ya),
                        f"{w[a, b]:.2f}",
                        fontsize=7.5,
                        ha="center",
                        va="center",
                        color=colour,
                        zorder=3,
                        bbox=dict(
                            boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.9
                        ),
                    )
    for l, layer in enumerate(places):
        for a, (x, y) in enumerate(layer):
            fill = "#ffd166" if l == highlight else "#f4f1e8"
            ax.add_patch(
                plt.Circle((x, y), 0.33, fc=fill, ec="black", lw=1.2, zorder=4)
            )
            symbol = f"${names[l]}_{{{a + 1}}}$"
            if values is None:
                ax.text(x, y, symbol, ha="center", va="center", fontsize=11, zorder=5)
            else:
                ax.text(
                    x, y + 0.1, symbol, ha="center", va="center", fontsize=9, zorder=5
                )
                ax.text(
                    x,
                    y - 0.13,
                    f"{values[l][a]:.3f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    zorder=5,
                )
            if biases is not None and l > 0:
                ax.text(
                    x,
                    y - 0.4,
                    f"b = {biases[l - 1][a]:.2f}",
                    ha="center",
                    va="top",
                    fontsize=7.5,
                    color="#444444",
                    zorder=5,
                )
    ax.set_xlim(-0.55, gap * (len(sizes) - 1) + 0.55)
    ax.set_ylim(-(max(sizes) - 1) / 2 - 0.75, (max(sizes) - 1) / 2 + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax
