"""Code fits the book's column: every visible code line of a chapter has at most 88 characters, and the chapters and
the package are formatted by ruff (pinned in requirements.txt, configured in pyproject.toml)."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT

WIDTH = 88
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
HIDDEN = {"remove-cell", "remove-input"}  # code the book does not show


def long_lines(path):
    """(cell number counted from 1, line) for every shown code line longer than WIDTH."""
    found = []
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells, start=1):
        if cell["cell_type"] != "code" or HIDDEN & set(cell["metadata"].get("tags", [])):
            continue
        found += [(number, line) for line in "".join(cell["source"]).split("\n") if len(line) > WIDTH]
    return found


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_shown_code_line_fits_the_column(path):
    found = long_lines(path)
    assert not found, f"{path.name}: {len(found)} code lines over {WIDTH} characters, e.g. cell {found[0][0]}: " + \
        repr(found[0][1])


def test_the_chapters_and_the_package_are_formatted():
    result = subprocess.run([sys.executable, "-m", "ruff", "format", "--check", "chapters", "backprop"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, "run `make format`:\n" + result.stdout[-2000:] + result.stderr[-2000:]


def test_the_width_check_can_fail(tmp_path):
    cell = {"cell_type": "code", "metadata": {}, "source": ["x = 1\n", "y = '" + "a" * WIDTH + "'"]}
    hidden = {"cell_type": "code", "metadata": {"tags": ["remove-cell"]}, "source": ["z = '" + "b" * WIDTH + "'"]}
    path = tmp_path / "01_x.ipynb"
    path.write_text(json.dumps({"cells": [cell, hidden]}))
    assert long_lines(path) == [(1, "y = '" + "a" * WIDTH + "'")]
