"""The exporter: directives, generated modules, drift detection — on small notebooks made here, and on the book."""

import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import ROOT


def make_book(tmp_path, notebooks):
    """A minimal course folder: chapters/NN_x.ipynb from {name: [cell sources]}, and an empty backprop/."""
    (tmp_path / "chapters").mkdir()
    (tmp_path / "backprop").mkdir()
    for name, cells in notebooks.items():
        nb = new_notebook(cells=[new_markdown_cell(c[3:]) if c.startswith("md:") else new_code_cell(c) for c in cells])
        nbformat.write(nb, tmp_path / "chapters" / name)
    return tmp_path


def test_export_writes_header_all_and_cells_in_order(tmp_path, exporter):
    root = make_book(tmp_path, {"01_a.ipynb": [
        "md:# 1. First chapter",
        "#| default_exp alpha\n#| export\nimport numpy as np",
        "#| export\ndef f(x):\n    return 2 * x\n\nSCALE = 3\n_hidden = 1",
        "print('not exported')",
        "#| export\nclass Thing:\n    pass",
    ]})
    assert exporter.export(root) == ["alpha.py"]
    text = (root / "backprop" / "alpha.py").read_text()
    header = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    assert text.startswith(exporter.MARK) and "chapters/01_a.ipynb" in header and "make export" in header
    assert "1. First chapter" in text
    assert '__all__ = ["f", "SCALE", "Thing"]' in text  # formatted by ruff
    assert all(len(line) <= exporter.WIDTH for line in text.splitlines())
    assert "not exported" not in text and "#|" not in text
    assert text.index("import numpy") < text.index("def f") < text.index("class Thing")
    namespace = {}
    exec(compile(text, "alpha.py", "exec"), namespace)
    assert namespace["f"](4) == 8 and namespace["__all__"] == ["f", "SCALE", "Thing"]


def test_export_to_a_named_module_and_across_notebooks(tmp_path, exporter):
    root = make_book(tmp_path, {
        "00_intro.ipynb": ["#| default_exp one\n#| export\nA = 1", "#| export two\nB = 2"],
        "01_next.ipynb": ["#| default_exp three\n#| export\nC = 3", "#| export two\nD = 4"],
    })
    assert exporter.export(root) == ["one.py", "three.py", "two.py"]
    two = (root / "backprop" / "two.py").read_text()
    header = " ".join(line[2:] for line in two.splitlines() if line.startswith("# "))
    assert "chapters/00_intro.ipynb, chapters/01_next.ipynb" in header
    assert '__all__ = ["B", "D"]' in two and two.index("B = 2") < two.index("D = 4")


@pytest.mark.parametrize("cells, message", [
    (["#| export\nA = 1"], "no `#| default_exp"),
    (["#| default_exp a\nA = 1"], "no `#| export` cell"),
    (["#| default_exp a\n#| export\nA = 1", "#| default_exp b\n#| export\nB = 1"], "a second `#| default_exp`"),
    (["#| default_exp 1bad\n#| export\nA = 1"], "needs a module name"),
    (["#| default_exp a\n#| export\ndef f(:\n    pass"], "does not parse"),
    (["#| default_exp a\n#| export\ndef f():\n    pass", "#| export\ndef f():\n    pass"], "f defined more than once"),
])
def test_export_refuses_broken_directives(tmp_path, exporter, cells, message):
    root = make_book(tmp_path, {"01_a.ipynb": cells})
    with pytest.raises(exporter.ExportError, match=message):
        exporter.export(root)


def test_drift_catches_hand_edits_missing_and_orphaned_modules(tmp_path, exporter):
    root = make_book(tmp_path, {"01_a.ipynb": ["#| default_exp a\n#| export\nA = 1"],
                                "02_b.ipynb": ["#| default_exp b\n#| export\nB = 1"]})
    (root / "backprop" / "__init__.py").write_text("# kept by hand\n")
    exporter.export(root)
    assert exporter.drift(root) == []

    module = root / "backprop" / "a.py"
    module.write_text(module.read_text().replace("A = 1", "A = 2"))
    assert exporter.drift(root) == ["backprop/a.py differs from its notebook: edit the notebook, then run `make export`"]

    exporter.export(root)
    (root / "chapters" / "02_b.ipynb").unlink()
    assert exporter.drift(root) == ["backprop/b.py is generated but no notebook exports to it any more"]
    exporter.export(root)  # removes the orphan, keeps the hand-kept file
    assert sorted(p.name for p in (root / "backprop").iterdir()) == ["__init__.py", "a.py"]

    module.unlink()
    assert exporter.drift(root) == ["backprop/a.py is missing: run `make export`"]


def test_the_package_matches_the_chapters(exporter):
    """The real book: every generated module is exactly what its notebooks export, and none is orphaned."""
    problems = exporter.drift(ROOT)
    assert problems == [], "\n".join(problems)
    assert exporter.generated_files(ROOT), "no generated module found in backprop/"


def test_a_hand_edit_of_the_real_package_is_caught(tmp_path, exporter):
    shutil.copytree(ROOT / "chapters", tmp_path / "chapters", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "backprop", tmp_path / "backprop", ignore=shutil.ignore_patterns("__pycache__"))
    module = tmp_path / "backprop" / "forward.py"
    module.write_text(module.read_text().replace("0.5 * np.sum", "0.25 * np.sum"))
    assert exporter.drift(tmp_path) == [
        "backprop/forward.py differs from its notebook: edit the notebook, then run `make export`"]


def test_directives_are_only_read_at_the_top_of_a_cell(exporter):
    found, code = exporter.directives("#| default_exp a\n#|export\nx = 1\n#| export\n")
    assert found == [("default_exp", "a"), ("export", "")]
    assert code == "x = 1\n#| export"



def test_every_chapter_starts_with_the_install_cell_for_the_configured_repository(exporter):
    import nbformat

    expected = exporter.install_cell_source()
    assert "git+https://" in expected and "%pip install --quiet" in expected
    for path in exporter.chapters():
        cells = nbformat.read(path, as_version=4).cells
        first = next(cell for cell in cells if cell.cell_type == "code")
        assert first.source == expected, f"{path.name}: run `make notebooks` (the install cell is missing or stale)"
        assert "remove-cell" in first.metadata.get("tags", []), path.name
        assert not first.outputs, f"{path.name}: the install cell printed something where the package is installed"


def test_consecutive_stream_outputs_are_merged():
    from backprop._export import merged_streams

    def stream(name, text):
        return {"output_type": "stream", "name": name, "text": text}

    figure = {"output_type": "display_data", "data": {"text/plain": "<Figure>"}, "metadata": {}}
    outputs = [stream("stdout", "a\n"), stream("stdout", "b\n"), stream("stderr", "w\n"), stream("stdout", "c\n"),
               figure, stream("stdout", "d\n"), stream("stdout", "e\n")]
    assert merged_streams(outputs) == [stream("stdout", "a\nb\n"), stream("stderr", "w\n"), stream("stdout", "c\n"),
                                       figure, stream("stdout", "d\ne\n")]
    assert merged_streams([]) == []
