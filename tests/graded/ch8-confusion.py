"""Chapter 8, `confusion(net, X, T)`: counts of items by true (row) and predicted (column) species."""

ANSWERS = [
    ("book", "pass", '''
def confusion(net, X, T):
    table = np.zeros((T.shape[1], T.shape[1]), dtype=int)
    for true, predicted in zip(np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)):
        table[true, predicted] += 1
    return table
'''),
    ("np.add.at", "pass", '''
def confusion(net, X, T):
    table = np.zeros((3, 3))
    np.add.at(table, (T.argmax(axis=1), net.forward(X).argmax(axis=1)), 1)
    return table
'''),
    ("one-hot product", "pass", '''
def confusion(net, X, T):
    P = np.eye(3)[np.argmax(net.forward(X), axis=1)]
    return (T.T @ P).astype(int)
'''),
    ("transposed", "transposed", '''
def confusion(net, X, T):
    table = np.zeros((3, 3), dtype=int)
    for true, predicted in zip(np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)):
        table[predicted, true] += 1
    return table
'''),
    ("from the margins", "totals are right but the cells are not|adds up to", '''
def confusion(net, X, T):
    counts = np.bincount(np.argmax(net.forward(X), axis=1), minlength=3)
    return np.outer(T.sum(axis=0), counts) // len(X)
'''),
    ("classes off by one", "shifted by one", '''
def confusion(net, X, T):
    table = np.zeros((3, 3), dtype=int)
    for true, predicted in zip(np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)):
        table[true - 1, predicted] += 1
    return table
'''),
    ("targets twice", "only the diagonal", '''
def confusion(net, X, T):
    table = np.zeros((3, 3), dtype=int)
    for true, predicted in zip(np.argmax(T, axis=1), np.argmax(T, axis=1)):
        table[true, predicted] += 1
    return table
'''),
    ("accuracy instead of a table", "returned shape", '''
def confusion(net, X, T):
    return net.accuracy(X, T)
'''),
    ("hard-coded", "wrong items|adds up to", '''
def confusion(net, X, T):
    return np.array([[10, 0, 0], [0, 9, 1], [0, 2, 8]])
'''),
    ("trains the network", "changed its argument `net`", '''
def confusion(net, X, T):
    net.train(X, T, epochs=1)
    table = np.zeros((3, 3), dtype=int)
    for true, predicted in zip(np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)):
        table[true, predicted] += 1
    return table
'''),
    ("bincount without minlength", "raised|returned shape", '''
def confusion(net, X, T):
    true, predicted = np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)
    return np.bincount(3 * true + predicted).reshape(3, 3)
'''),
    ("size from the labels seen", "returned shape", '''
def confusion(net, X, T):
    true, predicted = np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)
    k = max(true.max(), predicted.max()) + 1
    table = np.zeros((k, k), dtype=int)
    for a, b in zip(true, predicted):
        table[a, b] += 1
    return table
'''),
]
