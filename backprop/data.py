# Generated — edit the notebook, not this file: chapters/08_training.ipynb.
# `make export` rewrites it.
"""Training end to end.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["SPECIES", "load_iris"]


# --- chapters/08_training.ipynb, cell 6 ---
import csv
from pathlib import Path

import numpy as np

SPECIES = ("setosa", "versicolor", "virginica")


def load_iris():
    """Fisher's Iris data, shipped with the package.

    The corrected version (Fisher's values for setosa items 35 and 38, as in
    scikit-learn's copy), in the original
    order: 50 setosa, then 50 versicolor, then 50 virginica. Source and licence:
    ``backprop/data/README.md``.

    Returns
    -------
    X : ndarray, shape (150, 4)
        Sepal length, sepal width, petal length and petal width, in cm.
    T : ndarray, shape (150, 3)
        One-hot targets.
    species : list of str
        The three species, in the order of T's columns.
    """
    path = Path(__file__).resolve().parent / "data" / "iris.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    X = np.array([[float(value) for value in row[:4]] for row in rows])
    T = np.array([[float(row[4] == name) for name in SPECIES] for row in rows])
    return X, T, list(SPECIES)
