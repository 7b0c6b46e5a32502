"""Shared set-up for the unit tests (the chapter notebooks are collected by nbval, see pyproject.toml)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def exporter():
    """The exporter, loaded from its file so that it works even when the generated modules are broken."""
    spec = importlib.util.spec_from_file_location("backprop_export", ROOT / "backprop" / "_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
