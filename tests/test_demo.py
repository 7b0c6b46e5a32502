"""Chapter 8: the published demo, reproduced with the package, against an independent plain-Python transcription.

The transcription follows the demo's published description step by step with Python floats and loops: 4-5-3,
tanh hidden, softmax outputs, 43 values from random.Random(3) as 0.02 * random() - 0.01 (input-to-hidden weights
row by row, hidden biases, hidden-to-output weights row by row, output biases), raw features, first 40 items of each
species for training, online, 50 epochs, η = 0.05, indices shuffled in place with the same Random object before each
epoch, per-node output signals (t − o) o (1 − o), hidden signals with the weights before the item's update.
"""

import math
import random

import numpy as np

from backprop import Network, load_iris

X, T, _ = load_iris()
TRAIN, TEST = np.r_[0:40, 50:90, 100:140], np.r_[40:50, 90:100, 140:150]


def accuracy_plain(forward, items):
    right = 0
    for n in items:
        o = forward(X[n])
        right += max(range(3), key=lambda k: o[k]) == max(range(3), key=lambda k: T[n][k])
    return right / len(items)


def demo_plain():
    rnd = random.Random(3)
    w = [0.02 * rnd.random() - 0.01 for _ in range(43)]
    ih = [[w[i * 5 + j] for j in range(5)] for i in range(4)]
    hb = w[20:25]
    ho = [[w[25 + j * 3 + k] for k in range(3)] for j in range(5)]
    ob = w[40:43]

    def forward(x):
        h = [math.tanh(sum(x[i] * ih[i][j] for i in range(4)) + hb[j]) for j in range(5)]
        z = [sum(h[j] * ho[j][k] for j in range(5)) + ob[k] for k in range(3)]
        e = [math.exp(v - max(z)) for v in z]
        return [v / sum(e) for v in e], h

    indices, printed = list(range(120)), []
    for epoch in range(1, 51):
        rnd.shuffle(indices)
        for n in indices:
            x, t = X[TRAIN[n]].tolist(), T[TRAIN[n]].tolist()
            o, h = forward(x)
            d_o = [(t[k] - o[k]) * o[k] * (1 - o[k]) for k in range(3)]
            d_h = [sum(d_o[k] * ho[j][k] for k in range(3)) * (1 - h[j] ** 2) for j in range(5)]
            for i in range(4):
                for j in range(5):
                    ih[i][j] += 0.05 * d_h[j] * x[i]
            for j in range(5):
                hb[j] += 0.05 * d_h[j]
                for k in range(3):
                    ho[j][k] += 0.05 * d_o[k] * h[j]
            for k in range(3):
                ob[k] += 0.05 * d_o[k]
        if epoch % 10 == 0:
            sse = sum(sum((T[n][k] - forward(X[n].tolist())[0][k]) ** 2 for k in range(3)) for n in TRAIN)
            printed.append(f"epoch = {epoch}  ms error = {sse / 120:.4f}")
    printed.append(f"{accuracy_plain(lambda x: forward(x.tolist())[0], TRAIN):.4f}")
    printed.append(f"{accuracy_plain(lambda x: forward(x.tolist())[0], TEST):.4f}")
    return printed, [np.array(ih), np.array(ho)], [np.array(hb), np.array(ob)]


def demo_package():
    """The chapter's reproduction: the package's Network, gradients with the per-node rule, and update."""
    rnd = random.Random(3)
    draws = [0.02 * rnd.random() - 0.01 for _ in range(43)]
    net = Network([4, 5, 3], hidden="tanh", output="softmax", error="squared_error")
    net.weights[0][:] = np.reshape(draws[0:20], (4, 5))
    net.biases[0][:] = draws[20:25]
    net.weights[1][:] = np.reshape(draws[25:40], (5, 3))
    net.biases[1][:] = draws[40:43]
    indices, printed = list(range(120)), []
    for epoch in range(1, 51):
        rnd.shuffle(indices)
        for n in indices:
            net.update(net.gradients(X[TRAIN[n]], T[TRAIN[n]], rule="per_node"), 0.05)
        if epoch % 10 == 0:
            mse = np.mean(np.sum((T[TRAIN] - net.forward(X[TRAIN])) ** 2, axis=1))
            printed.append(f"epoch = {epoch}  ms error = {mse:.4f}")
    printed.append(f"{net.accuracy(X[TRAIN], T[TRAIN]):.4f}")
    printed.append(f"{net.accuracy(X[TEST], T[TEST]):.4f}")
    return printed, net.weights, net.biases


def test_the_package_reproduces_the_demo_exactly():
    plain_printed, plain_weights, plain_biases = demo_plain()
    package_printed, weights, biases = demo_package()
    assert package_printed == plain_printed
    for a, b in zip(weights + biases, plain_weights + plain_biases):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-10)
    assert len(plain_printed) == 7 and float(plain_printed[-1]) >= 0.9  # the demo learns: test accuracy at least 0.9


def demo_file_text(items):
    """The split in the format of the demo's data files: four measurements with one decimal, then the 0/1 targets."""
    return "".join(",".join([*(f"{v:.1f}" for v in X[n]), *(f"{t:.0f}" for t in T[n])]) + "\n" for n in items)


def test_the_split_is_byte_for_byte_the_demo_data_files():
    # SHA-256 of irisTrainData.txt and irisTestData.txt in github.com/leestott/IrisData (commit c3ddeaa, 4 July
    # 2017), the files the published demo program reads; chapter 8 says the split is identical to them.
    import hashlib

    published = {"train": "09acbb43c9b70f70b49b2d6f93c9bd4947770c81e100c1f348bf5d987ff91ccd",
                 "test": "93d8d4fcbad395870c334508cca44c3097a7ba92100e7090c791e2594747e3ab"}
    for name, items in [("train", TRAIN), ("test", TEST)]:
        text = demo_file_text(items)
        assert len(text.splitlines()) == len(items)
        assert hashlib.sha256(text.encode()).hexdigest() == published[name], name
    # the hash is sensitive to the split: the first 30 of each species (the post's wording) is another file
    assert hashlib.sha256(demo_file_text(np.r_[0:30, 50:80, 100:130]).encode()).hexdigest() != published["train"]
