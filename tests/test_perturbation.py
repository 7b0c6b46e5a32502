"""Printed outputs that do not depend on the last bit: every chapter re-run with its inputs nudged.

Another CPU rounds the last bit of a product, a sum or an `exp` differently (another BLAS kernel, FMA or not, another
SIMD path). A chapter whose printed digits depend on that passes here and fails on a reader's laptop. So every
chapter is re-run under nbval, comparing with the stored outputs, with every starting value nudged by a relative
1e-12 (tests/nudge_startup.py, an IPython start-up file the chapters never see). An output that survives that survives
another CPU. The test of the test: a chaotic digit printed by a small notebook is caught.
"""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
HOOK = ROOT / "tests" / "nudge_startup.py"
SEED = int(os.environ.get("BACKPROP_NUDGE_TEST_SEED", "20261128"))  # another seed: another nudge, same rule


def nudged_environment(tmp_path, seed, size="1e-12", base=None):
    """An environment (os.environ, or `base`) whose IPython kernels run the nudge before any cell."""
    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-nudge.py").write_text(f"import runpy\nrunpy.run_path({str(HOOK)!r})\ndel runpy\n")
    return {**(os.environ if base is None else base), "IPYTHONDIR": str(tmp_path / "ipython"),
            "BACKPROP_NUDGE_SEED": str(seed), "BACKPROP_NUDGE_SIZE": size}


def nbval(notebook, env, cwd=ROOT):
    """Run nbval on one notebook in a separate pytest; (passed?, its report)."""
    run = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
                          "-q", "-o", "addopts=", "--rootdir", str(cwd), str(notebook)],
                         cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


@pytest.fixture(scope="module")
def nudged_runs(tmp_path_factory):
    """Every chapter under nbval with the nudge, two at a time: {name: (passed?, report)}."""
    def run(path):
        folder = tmp_path_factory.mktemp(path.stem)
        return path.name, nbval(path, nudged_environment(folder, seed=SEED))

    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        return dict(pool.map(run, CHAPTERS))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_printed_outputs_survive_a_nudge_of_every_starting_value(path, nudged_runs):
    passed, report = nudged_runs[path.name]
    assert passed, f"{path.name}: an output changed when the inputs moved by 1e-12 (another CPU may print it " \
                   f"differently); print what is robust instead\n{report}"


HOOK_CHECK = """
import random
import numpy as np
import backprop
nudged_rng = np.random.default_rng
x, t, weights, biases = backprop.running_network()
X, T, species = backprop.load_iris()
nudged_start = backprop.Network([4, 7, 3], seed=0).weights[0]
nudged_draw = random.Random(3).random()
nudged_order = np.random.default_rng(0).permutation(10)
np.random.default_rng = nudged_rng.__wrapped__  # the original, for comparison
exact_start = backprop.Network([4, 7, 3], seed=0).weights[0]
exact_order = np.random.default_rng(0).permutation(10)
np.random.default_rng = nudged_rng
exact_weights = np.array([[0.1, -0.2, 0.3, 0.4], [-0.5, 0.6, -0.1, 0.2], [0.3, 0.1, -0.4, 0.5]])
exact_draw = random.Random.__bases__[0](3).random()
print(np.array_equal(t, [1.0, 0.0]), np.array_equal(T.sum(axis=1), np.ones(150)))
print(float(np.max(np.abs(weights[0] / exact_weights - 1))))
print(float(np.max(np.abs(nudged_start / exact_start - 1))))
print(abs(nudged_draw / exact_draw - 1))
print(np.array_equal(nudged_order, exact_order))
"""


def test_the_nudge_moves_every_starting_value_by_about_1e_12_and_leaves_integers_exact(tmp_path):
    env = nudged_environment(tmp_path, seed=1)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(HOOK_CHECK)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    from nbclient import NotebookClient

    previous = os.environ.copy()
    os.environ.update(env)
    try:
        NotebookClient(notebook, kernel_name="python3", timeout=120).execute()
    finally:
        os.environ.clear()
        os.environ.update(previous)
    lines = notebook.cells[0].outputs[0]["text"].split("\n")
    assert lines[0] == "True True", "targets must stay exact"
    for line in lines[1:4]:
        assert 1e-14 < float(line) <= 1.0001e-12, f"a starting value moved by {line}, not by about 1e-12"
    assert lines[4] == "True", "integer draws (shuffles) must stay exact"


CHAOS = """
from backprop import running_network
x, t, weights, biases = running_network()
value = 0.5 + weights[0][0, 0]       # 0.6, nudged
for step in range(200):
    value = 3.9 * value * (1 - value)  # the logistic map: chaotic at r = 3.9
print(f"{value:.4f}")
"""


def test_the_perturbation_test_catches_a_chaotic_digit(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CHAOS)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    from nbclient import NotebookClient

    NotebookClient(notebook, kernel_name="python3", timeout=120).execute()  # stored as a reader would store it
    path = tmp_path / "chaos.ipynb"
    nbformat.write(notebook, path)
    assert nbval(path, {**os.environ}, cwd=tmp_path)[0], "without the nudge the notebook reproduces itself"
    passed, _ = nbval(path, nudged_environment(tmp_path / "nudged", seed=20261128), cwd=tmp_path)
    assert not passed, "the nudge did not change a chaotic digit"
