"""Shared set-up for the unit tests (the chapter notebooks are collected by nbval, see pyproject.toml)."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))


def run_all(commands):
    """Run commands in parallel (each as (arguments, folder)); returns their (return code, output) pairs."""
    # nbgrader runs `alembic` to create its database: the venv's scripts must be on the PATH.
    environment = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    processes = [subprocess.Popen(arguments, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env=environment) for arguments, folder in commands]
    logs = [process.communicate(timeout=900)[0] for process in processes]
    return [(process.returncode, log) for process, log in zip(processes, logs)]


@pytest.fixture(scope="session")
def exporter():
    """The exporter, loaded from its file so that it works even when the generated modules are broken."""
    spec = importlib.util.spec_from_file_location("backprop_export", ROOT / "backprop" / "_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
