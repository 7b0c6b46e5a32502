"""The chapters' MyST reads right in the book, in JupyterLab with jupyterlab-myst, and as plain text elsewhere.

jupyterlab-myst numbers and resolves a notebook's own equations, but not another notebook's: a reference across
chapters is a link with the book's number as its text, which the book resolves and every front end shows as written.
"""
import json
import re

import pytest

from backprop._nbgrader import book_numbers
from conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
NUMBERS = book_numbers(ROOT / "chapters")
EQ_ROLE = re.compile(r"\{eq\}`([^`]+)`")
LABEL_LINK = re.compile(r"\[([^\]]*)\]\(#(eq-[\w-]+)\)")
FENCE_ONLY = re.compile(r"\s*(```\{[\w-]+\}[^\n]*\n(:[\w-]+:[^\n]*\n)*```\s*)+")


def markdown(path):
    return ["".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_equation_roles_stay_in_their_chapter(path):
    chapter = int(path.name[:2])
    for text in markdown(path):
        for label in EQ_ROLE.findall(text):
            assert label in NUMBERS, f"{path.name}: {{eq}}`{label}` names no equation"
            assert NUMBERS[label].startswith(f"({chapter}."), (
                f"{path.name}: {{eq}}`{label}` is equation {NUMBERS[label]} of another chapter; "
                f"write [{NUMBERS[label]}](#{label}), which JupyterLab can show")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_links_to_equations_carry_the_books_number(path):
    for text in markdown(path):
        for shown, label in LABEL_LINK.findall(text):
            assert label in NUMBERS, f"{path.name}: the link [{shown}](#{label}) names no equation"
            assert shown == NUMBERS[label], f"{path.name}: [{shown}](#{label}) but the book numbers it {NUMBERS[label]}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_reference_in_double_parentheses(path):
    # The book prints an equation reference with its parentheses: "({eq}`a`)" shows as "((3.1))", and
    # "(equation {eq}`a`)" as "(equation (3.1))".
    for text in markdown(path):
        assert not re.search(r"\(\s*(equations?\s+)?(\{eq\}`|\[\(\d)", text), f"{path.name}: {text[:80]!r}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_markdown_cell_is_only_directive_fences(path):
    # Outside the book, such a cell shows as an empty code block with nothing to read.
    for text in markdown(path):
        assert not FENCE_ONLY.fullmatch(text), f"{path.name}: a cell with only {text.strip()!r}"


def test_the_checks_can_fail():
    assert EQ_ROLE.findall("see {eq}`eq-hidden`") == ["eq-hidden"]
    assert LABEL_LINK.findall("by [(3.2)](#eq-dE-do-squared), and") == [("(3.2)", "eq-dE-do-squared")]
    assert NUMBERS["eq-dE-do-squared"] != "(3.2)"
    assert re.search(r"\(\s*(equations?\s+)?(\{eq\}`|\[\(\d)", "activation ({eq}`eq-hidden`)")
    assert re.search(r"\(\s*(equations?\s+)?(\{eq\}`|\[\(\d)", "(equation [(3.3)](#eq-a))")
    assert FENCE_ONLY.fullmatch("```{solution-end}\n```\n")
    assert FENCE_ONLY.fullmatch("```{solution-start} ex-1\n:class: dropdown\n```")
    assert not FENCE_ONLY.fullmatch("It agrees.\n\n```{solution-end}\n```")
