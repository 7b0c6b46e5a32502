"""The chapters as stored: executed top to bottom, in the table of contents, clean outputs, exercises with solutions.

nbval (run by the same `pytest`) re-executes each chapter and compares its outputs; it silently passes cells that
were stored without outputs, so these checks make sure every chapter was stored executed.
"""

import base64
import io
import json
import re

import pytest
import yaml

from conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))


def code_cells(path):
    return [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]


def markdown(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_every_chapter_is_in_the_table_of_contents_in_order():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    listed = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    notebooks = [name for name in listed if (ROOT / f"{name}.ipynb").exists()]
    assert notebooks == [p.relative_to(ROOT).with_suffix("").as_posix() for p in CHAPTERS]
    assert all((ROOT / f"{name}.ipynb").exists() or (ROOT / f"{name}.md").exists() for name in listed)


def test_the_api_reference_lists_every_public_name():
    import backprop

    page = (ROOT / "chapters" / "api_reference.md").read_text()
    documented = re.findall(r"^\.\. auto(?:function|class):: backprop\.(\w+)$", page, flags=re.M)
    assert sorted(documented) == sorted(backprop.__all__)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_is_stored_executed_in_order(path):
    counts = [c["execution_count"] for c in code_cells(path)]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: execution counts {counts}; run `make notebooks`"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_outputs_are_clean(path):
    for number, cell in enumerate(code_cells(path), start=1):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name}, code cell {number} stored an error"
            assert output.get("name") != "stderr", f"{path.name}, code cell {number} wrote to stderr (a warning?)"
            text = "".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/plain", ""))
            assert not re.search(r"at 0x[0-9a-f]+", text), f"{path.name}, code cell {number} shows a memory address"
            assert "np.float64(" not in text, f"{path.name}, code cell {number}: format numbers explicitly"
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"], f"{path.name} stores widget state (myst-nb would then load CDN scripts)"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


TEACHING = [p for p in CHAPTERS if "01" <= p.name[:2] <= "89"]  # 00 is the introduction, 90 onwards reference


@pytest.mark.parametrize("path", TEACHING, ids=lambda p: p.name)
def test_chapter_ends_with_three_exercises_each_with_a_solution(path):
    text = markdown(path)
    exercises = re.findall(r"```\{exercise\}[^\n]*\n:label: (\S+)", text)
    solutions = re.findall(r"```\{solution-start\} (\S+)", text)
    assert len(exercises) >= 3, f"{path.name} has {len(exercises)} exercises"
    assert solutions == exercises, f"{path.name}: exercises {exercises} but solutions {solutions}"
    assert text.count("```{solution-end}") == len(solutions)
    # A backtick in a directive's title ends the fence early: the directive silently breaks.
    assert not re.findall(r"```\{[\w-]+\}[^\n]*`", text), f"{path.name}: backtick in a directive title"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_figures_are_opaque_and_outputs_load_nothing_from_outside(path):
    """Figures keep a solid background (readable in the theme's dark mode); no output pulls in a remote file."""
    from PIL import Image

    for number, cell in enumerate(code_cells(path), start=1):
        for output in cell["outputs"]:
            data = output.get("data", {})
            if "image/png" in data:
                image = Image.open(io.BytesIO(base64.b64decode("".join(data["image/png"])))).convert("RGBA")
                corners = [image.getpixel((x, y)) for x in (0, image.width - 1) for y in (0, image.height - 1)]
                assert all(pixel[3] == 255 for pixel in corners), f"{path.name}, code cell {number}: transparent"
            html = "".join(data.get("text/html", ""))
            assert not re.search(r"(src|href)=\"https?://", html), f"{path.name}, code cell {number} loads a URL"


@pytest.mark.parametrize("path", [p for p in CHAPTERS if p.name[:2] in ("02", "05", "07", "08")], ids=lambda p: p.name)
def test_explorers_have_a_live_widget_that_the_book_removes(path):
    """Each explorer chapter builds a widget (stored as a widget view) in a cell the book removes and nbval skips."""
    widget_cells = [c for c in code_cells(path)
                    if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c["outputs"])]
    assert widget_cells, f"{path.name} has no widget"
    for cell in widget_cells:
        tags = cell["metadata"].get("tags", [])
        assert "remove-output" in tags and "nbval-ignore-output" in tags, f"{path.name}: widget cell tags {tags}"
        assert cell["metadata"].get("uncompared", {}).get("kind") == "widget", \
            f"{path.name}: say in the cell's metadata (uncompared) why the output is not compared"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_uncompared_output_says_why(path):
    """nbval skips a cell's output only for a widget view, an animation or a timing, each explained in the cell's
    metadata (`uncompared`: kind and why), which the student never sees."""
    for number, cell in enumerate(code_cells(path), start=1):
        tags = cell["metadata"].get("tags", [])
        assert "nbval-skip" not in tags, f"{path.name}, code cell {number} is skipped by nbval"
        if "nbval-ignore-output" in tags:
            reason = cell["metadata"].get("uncompared", {})
            assert reason.get("kind") in ("widget", "animation", "timing") and len(reason.get("why", "")) > 20, \
                f"{path.name}, code cell {number}: an ignored output needs a reason in its metadata (uncompared: " \
                f"kind widget, animation or timing, and why)"
            assert not re.search(r"\btests?\b|nbval", "".join(cell["source"])), \
                f"{path.name}, code cell {number}: build and test plumbing belongs in metadata, not in the student's code"
