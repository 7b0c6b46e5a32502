"""The chapters as stored: executed top to bottom, in the table of contents, clean outputs, exercises with solutions.

nbval (run by the same `pytest`) re-executes each chapter and compares its outputs; it silently passes cells that
were stored without outputs, so these checks make sure every chapter was stored executed.
"""

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
    documented = re.findall(r"```\{auto(?:function|class)\} backprop\.(\w+)", page)
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


@pytest.mark.parametrize("path", [p for p in CHAPTERS if not p.name.startswith("00_")], ids=lambda p: p.name)
def test_chapter_ends_with_three_exercises_each_with_a_solution(path):
    text = markdown(path)
    exercises = re.findall(r"```\{exercise\}[^\n]*\n:label: (\S+)", text)
    solutions = re.findall(r"```\{solution-start\} (\S+)", text)
    assert len(exercises) >= 3, f"{path.name} has {len(exercises)} exercises"
    assert solutions == exercises, f"{path.name}: exercises {exercises} but solutions {solutions}"
    assert text.count("```{solution-end}") == len(solutions)
    # A backtick in a directive's title ends the fence early: the directive silently breaks.
    assert not re.findall(r"```\{[\w-]+\}[^\n]*`", text), f"{path.name}: backtick in a directive title"
