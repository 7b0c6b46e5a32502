"""Reproducibility: the same seed gives bit-identical weights in separate processes, and the package's wheel carries
its data."""

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT

TRAIN = """
import hashlib
import numpy as np
from backprop import Network, load_iris
X, T, _ = load_iris()
X = (X - X.mean(axis=0)) / X.std(axis=0)
net = Network([4, 6, 3], seed=7)
net.train(X, T, learning_rate=0.05, epochs=3, batch_size=5, seed=11, momentum=0.5)
print(hashlib.sha256(b"".join(a.tobytes() for a in net.weights + net.biases)).hexdigest())
"""


def test_the_same_seed_gives_bit_identical_weights_in_separate_processes():
    digests = {subprocess.run([sys.executable, "-c", TRAIN], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout.strip()
               for seed in ("0", "1", "4242")}
    assert len(digests) == 1 and len(digests.pop()) == 64


def test_the_wheel_contains_the_package_the_data_and_their_licence(tmp_path):
    source = tmp_path / "source"  # a copy, so that building leaves nothing in the repository
    shutil.copytree(ROOT / "backprop", source / "backprop", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path / "dist"), str(source)], check=True, capture_output=True)
    wheel, = (tmp_path / "dist").glob("backprop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"backprop/__init__.py", "backprop/forward.py", "backprop/network.py", "backprop/checks.py",
            "backprop/data/iris.csv", "backprop/data/digits.csv.gz", "backprop/data/README.md",
            "backprop/data/LICENCE.md"} <= names
    assert not any(name.startswith(("tests/", "chapters/")) for name in names)
