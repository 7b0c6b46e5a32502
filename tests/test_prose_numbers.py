"""Every number in a chapter's prose is traced to an output of the same chapter.

A number written in a markdown cell with three or more significant digits (0.617, 1.603, 22.6, 175) must appear,
possibly rounded to the digits the prose gives, among the numbers that the chapter's code cells print. nbval compares
those outputs on every run, so a prose number that agrees with one stays true when the code changes: if the output
moves, the prose no longer matches and this test says where.

The rule, and its only exemptions:
- numbers in inline code (`torch==2.13.0`), equation labels and references, and link targets are not prose numbers;
- numbers with fewer than three significant digits (0.05, 1e-8, 100, 3.8) are round constants the prose chooses;
- EXEMPT lists, per chapter, the few numbers that are constants of the world rather than results, each with why.
"""

import json
import re

import pytest

from conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
NUMBER = re.compile(r"(?<![\w.\\^])-?(\d+(?:\.\d+)?)(?![\w.]*\d)")
NOT_PROSE = re.compile(r"`[^`\n]*`|\{eq\}`[^`]*`|\(eq-[\w-]+\)|\]\([^)]*\)|^:label:.*$|^```.*$", re.M)
EXEMPT = {
    "00_introduction.ipynb": {"2017": "the year of the cited blog post"},
    "01_the_goal.ipynb": {"709": "ln of the largest float64 (about 709.78): a constant of the number format"},
}


def significant_digits(number):
    digits = number.replace(".", "").lstrip("0")
    return len(digits if "." in number else digits.rstrip("0"))


def prose_numbers(markdown):
    """The numbers of three or more significant digits in a chapter's markdown, as written."""
    text = NOT_PROSE.sub(" ", markdown)
    return [n for n in NUMBER.findall(text) if significant_digits(n) >= 3]


def printed_numbers(cells):
    """Every number in the chapter's stored outputs (streams, plain text and markdown), as floats."""
    found = []
    for cell in cells:
        for output in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = output.get("data", {})
            text = "".join(output.get("text", "")) + "".join(data.get("text/plain", "")) + \
                "".join(data.get("text/markdown", ""))
            found += [float(n) for n in re.findall(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?", text)]
    return found


def traced(number, printed):
    """True if some printed number, rounded to the prose number's decimals, reads as the prose number."""
    decimals = len(number.split(".")[1]) if "." in number else 0
    return any(f"{value:.{decimals}f}" == number for value in printed)


def untraced(cells, exempt=()):
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    printed = printed_numbers(cells)
    return [n for n in prose_numbers(markdown) if n not in exempt and not traced(n, printed)]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_number_in_the_prose_comes_from_an_output_of_the_chapter(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    missing = untraced(cells, EXEMPT.get(path.name, {}))
    assert not missing, f"{path.name}: these prose numbers appear in no output of the chapter (print them, or " \
                        f"glue them, or round them to what is printed): {missing}"


def cell(kind, source, printed=None):
    c = {"cell_type": kind, "source": source, "metadata": {}}
    if kind == "code":
        c["outputs"] = [{"output_type": "stream", "name": "stdout", "text": printed or ""}]
    return c


def test_a_planted_untraced_number_is_caught_and_a_traced_one_passes():
    planted = [cell("markdown", "The network gives 0.383 to output 1, and the error is 22.6."),
               cell("code", "print(o)", "[0.3829 0.6171]\n")]
    assert untraced(planted) == ["22.6"]
    planted[1]["outputs"][0]["text"] += "error after 20 steps: 22.5926\n"
    assert untraced(planted) == []


def test_round_constants_code_and_labels_are_not_prose_numbers():
    text = "Use η = 0.05 and 1e-8, `torch==2.13.0`, equation {eq}`eq-111-222`, [a link](https://x.org/2017/06/28)."
    assert prose_numbers(text) == []
    assert prose_numbers("−0.336 and 17.7 and 1024 nodes") == ["0.336", "17.7", "1024"]
