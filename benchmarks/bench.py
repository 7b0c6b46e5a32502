"""Time one training step of backprop's Network against PyTorch on the CPU and against the matrix-product floor.

    python benchmarks/bench.py            # both thread counts; prints a table, writes benchmarks/results.json

A training step is the gradients of the batch error and the update of every weight and bias: for `Network`,
`net.step(X, T, learning_rate)` (and, for one item, also the checked pair `net.update(net.gradients(x, t), η)`); for PyTorch the same network in float64 (Linear layers, tanh, softmax with
cross-entropy), forward, backward and an SGD step; the floor is the matrix products alone, timed with numpy (one
forward and two backward products per layer, less the product that would send signals back to the inputs, which
no one needs). The three are timed side by side, in interleaved repeats, and the
medians compared. Each thread count runs in its own process, with OMP_NUM_THREADS and OPENBLAS_NUM_THREADS set
before numpy loads and torch.set_num_threads to match.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

CASES = [([64, 128, 10], 128), ([64, 256, 256, 10], 256), ([4, 7, 3], 1), ([784, 128, 10], 64)]
HERE = Path(__file__).resolve().parent


def median_times(runs, repeats=15, steps=20):
    """Per-step medians of several callables, timed in interleaved repeats of `steps` calls each."""
    times = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            for _ in range(steps):
                run()
            times[name].append((time.perf_counter() - start) / steps)
    return {name: sorted(values)[len(values) // 2] for name, values in times.items()}


def measure(threads):
    """Time every case at one thread count (call in a fresh process, see main)."""
    import numpy as np
    import torch

    from backprop import Network

    torch.set_num_threads(threads)
    rows = []
    for sizes, batch in CASES:
        rng = np.random.default_rng(0)
        X = rng.normal(size=(batch, sizes[0]))
        T = np.eye(sizes[-1])[rng.integers(sizes[-1], size=batch)]
        net = Network(sizes, hidden="tanh", output="softmax", error="cross_entropy", seed=0)

        layers = [torch.nn.Linear(a, b, dtype=torch.float64) for a, b in zip(sizes[:-1], sizes[1:])]
        params = [p for layer in layers for p in layer.parameters()]
        optimiser = torch.optim.SGD(params, lr=0.01)
        X_t, labels = torch.tensor(X), torch.tensor(np.argmax(T, axis=1))

        def torch_step():
            optimiser.zero_grad()
            a = X_t
            for layer in layers[:-1]:
                a = torch.tanh(layer(a))
            loss = torch.nn.functional.cross_entropy(layers[-1](a), labels)
            loss.backward()
            optimiser.step()

        W = [w.copy() for w in net.weights]
        activations = [X] + [np.ones((batch, n)) for n in sizes[1:]]
        deltas = [np.ones((batch, n)) for n in sizes[1:]]

        def floor():
            for l, w in enumerate(W):
                np.matmul(activations[l], w, out=activations[l + 1])  # forward: one product per layer
            for l in reversed(range(len(W))):
                activations[l].T @ deltas[l]  # the weight gradient
                if l > 0:  # the signals of the layer below (none is needed below the inputs)
                    deltas[l] @ W[l].T

        runs = {"backprop": lambda: net.step(X, T, 0.01), "pytorch": torch_step, "floor": floor}
        if batch == 1:  # one item: also the checked pair a reader writes, net.update(net.gradients(x, t), η)
            x, t = X[0], T[0]
            runs["checked_pair"] = lambda: net.update(net.gradients(x, t), 0.01)
        found = median_times(runs)
        rows.append({"sizes": sizes, "batch": batch, "threads": threads, **{k: v * 1e6 for k, v in found.items()}})
    if threads == 1:  # the summary's loops against the vectorized backward pass, on the running network
        from backprop import backward, running_network
        from backprop.backward import _backward
        x, t, weights, biases = running_network()
        w_ih, w_ho = weights[0].tolist(), weights[1].tolist()
        b_h, b_o = biases[0].tolist(), biases[1].tolist()

        def loops():
            import math
            h = [math.tanh(b_h[j] + sum(x[i] * w_ih[i][j] for i in range(3))) for j in range(4)]
            z = [b_o[k] + sum(h[j] * w_ho[j][k] for j in range(4)) for k in range(2)]
            e = [math.exp(v - max(z)) for v in z]
            o = [v / sum(e) for v in e]
            d_o = [t[k] - o[k] for k in range(2)]
            d_h = [sum(d_o[k] * w_ho[j][k] for k in range(2)) * (1 - h[j] ** 2) for j in range(4)]
            return ([[d_h[j] * x[i] for j in range(4)] for i in range(3)], d_h,
                    [[d_o[k] * h[j] for k in range(2)] for j in range(4)], d_o)

        def kernel():  # the unchecked kernel that training calls after checking once
            _backward(x, t, weights, biases, "tanh", "softmax", "cross_entropy", "exact")

        found = median_times({"loops": loops, "vectorized": lambda: backward(x, t, weights, biases),
                              "vectorized_kernel": kernel}, steps=200)
        rows.append({"running_network": True, **{k: v * 1e6 for k, v in found.items()}})
    return rows


def iris_online_seconds():
    """Online training of the Iris 4-7-3 network (chapter 8's setting) for 50 epochs, best of 3."""
    import numpy as np

    from backprop import Network, load_iris

    X, T, _ = load_iris()
    train = np.r_[0:40, 50:90, 100:140]
    S = (X[train] - X[train].mean(axis=0)) / X[train].std(axis=0)
    best = float("inf")
    for _ in range(3):
        net = Network([4, 7, 3], seed=0)
        start = time.perf_counter()
        net.train(S, T[train], learning_rate=0.05, epochs=50, batch_size=1, seed=0)
        best = min(best, time.perf_counter() - start)
    return best


def digits_training(repeats=5):
    """Chapter 9's final training run (64-32-10, tanh, softmax, cross-entropy, η = 0.1, batches of 16, 30 epochs
    on 1,347 digits) with Network.train and with the same loop in PyTorch (the same shuffles, batches and steps),
    one thread; the best of `repeats` for each, interleaved."""
    import numpy as np
    import torch

    from backprop import Network, load_digits, stratified_split

    torch.set_num_threads(1)
    X, T, labels = load_digits()
    fit = np.sort(np.concatenate(stratified_split(labels, seed=0)[:2]))
    X, T = X[fit], T[fit]
    epochs, batch, eta = 30, 16, 0.1

    def ours():
        Network([64, 32, 10], seed=0).train(X, T, learning_rate=eta, epochs=epochs, batch_size=batch, seed=0)

    def theirs():
        torch.manual_seed(0)
        layers = [torch.nn.Linear(64, 32, dtype=torch.float64), torch.nn.Linear(32, 10, dtype=torch.float64)]
        optimiser = torch.optim.SGD([p for layer in layers for p in layer.parameters()], lr=eta)
        X_t, labels_t = torch.tensor(X), torch.tensor(np.argmax(T, axis=1))
        rng = np.random.default_rng(0)
        for _ in range(epochs):
            order = torch.tensor(rng.permutation(len(X)))
            for start in range(0, len(X), batch):
                items = order[start:start + batch]
                optimiser.zero_grad()
                out = layers[1](torch.tanh(layers[0](X_t[items])))
                torch.nn.functional.cross_entropy(out, labels_t[items]).backward()
                optimiser.step()
            with torch.no_grad():  # the error after each epoch, as Network.train records it
                torch.nn.functional.cross_entropy(layers[1](torch.tanh(layers[0](X_t))), labels_t)

    best = {"backprop": float("inf"), "pytorch": float("inf")}
    for _ in range(repeats):
        for name, run in (("backprop", ours), ("pytorch", theirs)):
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return {"epochs": epochs, "threads": 1, **best}


def table(rows):
    lines = ["network          batch threads   backprop µs   pytorch µs   floor µs   vs pytorch   vs floor",
             "---------------- ----- ------- ------------- ------------ ---------- ------------ ----------"]
    for row in rows:
        if "sizes" in row:
            lines.append(f"{'-'.join(map(str, row['sizes'])):16s} {row['batch']:5d} {row['threads']:7d} "
                         f"{row['backprop']:13.1f} {row['pytorch']:12.1f} {row['floor']:10.1f} "
                         f"{row['backprop'] / row['pytorch']:11.2f}x {row['backprop'] / row['floor']:9.2f}x")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, help="measure at this thread count only (used internally)")
    parser.add_argument("--digits", action="store_true",
                        help="measure chapter 9's training run only, and update that entry of results.json")
    args = parser.parse_args()
    if args.threads:
        print(json.dumps(measure(args.threads)))
        return
    if args.digits:
        results = json.loads((HERE / "results.json").read_text())
        results["digits_training"] = digits_training()
        (HERE / "results.json").write_text(json.dumps(results, indent=1) + "\n")
        print(results["digits_training"])
        return
    rows = []
    for threads in sorted({1, os.cpu_count() or 1}):
        environment = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
                           MKL_NUM_THREADS=str(threads))
        result = subprocess.run([sys.executable, __file__, "--threads", str(threads)], env=environment,
                                capture_output=True, text=True, check=True)
        rows += json.loads(result.stdout.strip().splitlines()[-1])
    results = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
               "rows": rows, "iris_online_50_epochs_s": iris_online_seconds(), "digits_training": digits_training()}
    (HERE / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    print(table(rows))
    loops = next(row for row in rows if row.get("running_network"))
    print(f"\nrunning network, one backward pass: loops {loops['loops']:.1f} µs, vectorized {loops['vectorized']:.1f} µs "
          f"(inputs checked) or {loops['vectorized_kernel']:.1f} µs (the kernel training calls after one check)")
    for row in rows:
        if "checked_pair" in row:
            print(f"one Iris-sized item (4-7-3), {row['threads']} thread(s): net.update(net.gradients(x, t), η) "
                  f"{row['checked_pair']:.1f} µs, PyTorch's step {row['pytorch']:.1f} µs: "
                  f"ratio {row['checked_pair'] / row['pytorch']:.2f}")
    print(f"Iris 4-7-3, online, 50 epochs: {results['iris_online_50_epochs_s']:.3f} s")
    print(f"results written to {HERE / 'results.json'}")


if __name__ == "__main__":
    main()
