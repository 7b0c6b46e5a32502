# Generated — edit the notebook, not this file: chapters/08_training.ipynb,
# chapters/09_digits.ipynb.
# `make export` rewrites it.
"""Training end to end; Handwritten digits.

Each definition below comes from the notebook cell named above it.
"""

__all__ = ["SPECIES", "load_iris", "load_digits", "stratified_split"]


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


# --- chapters/09_digits.ipynb, cell 5 ---
import gzip

from backprop.checks import check_array, check_seed


def load_digits():
    """Handwritten digits, shipped with the package: 1797 images of 8×8 pixels.

    The test part of the UCI "Optical Recognition of Handwritten Digits" data (as
    shipped with scikit-learn). Each pixel counts the ink in a 4×4 block of a 32×32
    scan, 0 to 16. Source and licence: ``backprop/data/README.md``.

    Returns
    -------
    X : ndarray, shape (1797, 64)
        The pixels, row by row, divided by 16: every input in [0, 1].
    T : ndarray, shape (1797, 10)
        One-hot targets: ``T[n, d]`` is 1 if item n is the digit d.
    labels : ndarray of int, shape (1797,)
        The digit of each item, 0 to 9.
    """
    path = Path(__file__).resolve().parent / "data" / "digits.csv.gz"
    with gzip.open(path, "rt", encoding="ascii") as handle:
        rows = np.loadtxt(handle, delimiter=",", dtype=np.int64)
    X = rows[:, :64] / 16.0
    labels = rows[:, 64]
    T = np.eye(10)[labels]
    return X, T, labels


# --- chapters/09_digits.ipynb, cell 10 ---
def stratified_split(labels, fractions=(0.6, 0.15, 0.25), seed=0):
    """Split item numbers into parts (training, validation, test) that each hold the
    same share of every class.

    The items of each class, class by class in increasing order, are shuffled by one
    ``numpy.random.default_rng(seed)`` and cut where the cumulative fractions fall,
    rounded: a class of n items gives its first round(n f₁) items to the first part,
    the items up to round(n (f₁ + f₂)) to the second, and so on.

    Parameters
    ----------
    labels : array_like
        The class of each item, an int; one-dimensional.
    fractions : tuple of float
        The share of each part: at least two, positive, summing to 1.
    seed : int
        Seeds the shuffle (an int ≥ 0).

    Returns
    -------
    list of ndarray of int
        The item numbers of each part, in increasing order.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0 or labels.dtype.kind not in "iu":
        raise ValueError(
            "labels must be a non-empty 1-D array of ints, the class of each item; "
            f"got shape {labels.shape} and dtype {labels.dtype}"
        )
    shares = check_array("fractions", fractions, ndim=(1,))
    if len(shares) < 2 or np.any(shares <= 0) or abs(shares.sum() - 1) > 1e-9:
        raise ValueError(
            "fractions must be at least two positive shares summing to 1, "
            f"got {shares.tolist()}"
        )
    rng = np.random.default_rng(check_seed(seed))
    cuts = np.cumsum(shares)[:-1]
    parts = [[] for _ in shares]
    for label in np.unique(labels):
        items = rng.permutation(np.flatnonzero(labels == label))
        bounds = np.round(len(items) * cuts).astype(int)
        for part, chunk in zip(parts, np.split(items, bounds)):
            part.extend(chunk.tolist())
    return [np.array(sorted(part), dtype=int) for part in parts]
