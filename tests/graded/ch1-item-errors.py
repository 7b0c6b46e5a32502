"""Chapter 1, `item_errors(T, O)`: the cross-entropy of each item of a batch."""

ANSWERS = [
    ("book", "pass", '''
def item_errors(T, O):
    return -np.sum(T * np.log(O), axis=1)
'''),
    ("row by row", "pass", '''
def item_errors(T, O):
    return np.array([cross_entropy(t, o) for t, o in zip(T, O)])
'''),
    ("einsum", "pass", '''
def item_errors(T, O):
    return -np.einsum("nk,nk->n", T, np.log(O))
'''),
    ("no minus sign", "wrong sign", '''
def item_errors(T, O):
    return np.sum(T * np.log(O), axis=1)
'''),
    ("sums over items", "sum each item's row", '''
def item_errors(T, O):
    return -np.sum(T * np.log(O), axis=0)
'''),
    ("mean over outputs", "mean over the outputs", '''
def item_errors(T, O):
    return -np.mean(T * np.log(O), axis=1)
'''),
    ("base-10 logarithm", "base-10 logarithm", '''
def item_errors(T, O):
    return -np.sum(T * np.log10(O), axis=1)
'''),
    ("the batch mean", "a single number", '''
def item_errors(T, O):
    return cross_entropy(T, O)
'''),
    ("hard-coded", "wrong values|returned shape", '''
def item_errors(T, O):
    return np.array([0.2231, 0.5108, 0.1054])
'''),
    ("in place", "changed its argument `O`", '''
def item_errors(T, O):
    np.log(O, out=O)
    return -np.sum(T * O, axis=1)
'''),
    ("right only for one-hot targets", "wrong values", '''
def item_errors(T, O):
    return -np.log(O[np.arange(len(O)), np.argmax(T, axis=1)])
'''),
    ("clipped outputs", "wrong values", '''
def item_errors(T, O):
    return -np.sum(T * np.log(np.clip(O, 0.05, 1.0)), axis=1)
'''),
    ("float32", "float32", '''
def item_errors(T, O):
    return -np.sum(T * np.log(O), axis=1).astype(np.float32)
'''),
]
