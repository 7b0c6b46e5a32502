"""Every figure of the book is numbered, captioned and described.

A figure is a code cell whose output is an image. The book shows it as "Figure 5.2" with
its caption and alt text, from myst-nb's cell metadata (``mystnb.figure`` and
``mystnb.image.alt``). The caption is written once, in the Markdown cell after the figure
(which notebook readers see and the book drops); `make notebooks` copies it into the
metadata. Stored images stay opaque, so they remain legible on the dark theme.
"""

import base64
import io
import json
import re

import matplotlib.image
import pytest

from backprop._export import caption_text
from conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
FIGURE_LINK = re.compile(r"\[Figure (\d+)\.(\d+)\]\(#(fig-[\w-]+)\)")


class Cell(dict):
    """A cell as nbformat gives it: attribute access to source and metadata."""

    __getattr__ = dict.__getitem__


def cells(path):
    return [Cell(c, source="".join(c["source"])) for c in json.loads(path.read_text())["cells"]]


def images(cell):
    return [o["data"]["image/png"] for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]


def figures(path):
    """(cell, the cell after it) for every code cell with an image output."""
    found = cells(path)
    return [(c, nxt) for c, nxt in zip(found, found[1:] + [None]) if c["cell_type"] == "code" and images(c)]


def looks_like_a_file_name(text):
    return bool(re.search(r"\.(png|svg|jpe?g)\b", text) or re.fullmatch(r"[0-9a-f]{16,}", text))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_figure_has_a_name_a_caption_and_alt_text(path):
    for cell, following in figures(path):
        meta = cell.metadata.get("mystnb", {})
        name = meta.get("figure", {}).get("name", "")
        assert name.startswith("fig-"), f"{path.name}: a figure without a name (mystnb.figure.name)"
        caption = caption_text(Cell(following)) if following else None
        assert caption, f"{path.name}: {name} needs a caption cell after it (italic, tagged remove-cell)"
        assert meta["figure"].get("caption") == caption, f"{path.name}: {name}: run `make notebooks`"
        alt = meta.get("image", {}).get("alt", "")
        assert 20 <= len(alt) <= 300 and not looks_like_a_file_name(alt), f"{path.name}: {name} alt {alt!r}"


def test_figure_names_are_unique():
    names = [c.metadata["mystnb"]["figure"]["name"] for p in CHAPTERS for c, _ in figures(p)]
    assert len(names) == len(set(names)) and names


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_stored_figures_are_opaque(path):
    # A transparent background vanishes on the dark theme.
    for cell, _ in figures(path):
        for png in images(cell):
            pixels = matplotlib.image.imread(io.BytesIO(base64.b64decode(png)), format="png")
            assert pixels.ndim == 3 and (pixels.shape[2] == 3 or pixels[..., 3].min() == 1.0), path.name


def book_figure_numbers():
    """{name: "c.n"} for the figures of the chapters (1 to 89), numbered as the book numbers them."""
    numbers = {}
    for path in CHAPTERS:
        chapter = int(path.name[:2])
        if 1 <= chapter <= 89:
            for n, (cell, _) in enumerate(figures(path), start=1):
                numbers[cell.metadata["mystnb"]["figure"]["name"]] = f"{chapter}.{n}"
    return numbers


def test_links_to_figures_carry_the_books_number():
    numbers = book_figure_numbers()
    links = 0
    for path in CHAPTERS:
        for cell in cells(path):
            text = cell.source if cell["cell_type"] == "markdown" else ""
            for chapter, n, name in FIGURE_LINK.findall(text):
                links += 1
                assert numbers.get(name) == f"{chapter}.{n}", (
                    f"{path.name}: [Figure {chapter}.{n}](#{name}), but the book numbers it "
                    f"{numbers.get(name, 'not at all')}")
            assert not re.search(r"\b[Tt]he figure\b", text), f"{path.name}: refer to figures by number: {text[:80]!r}"
    assert links


def test_the_animation_has_alt_text():
    nb = cells(ROOT / "chapters" / "08_training.ipynb")
    html = ["".join(o["data"]["text/html"]) for c in nb for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    players = [h for h in html if "_anim_img" in h]
    assert players and all(re.search(r'<img id="_anim_img\w+" src="data:image/png;base64,[^"]+" alt="[^"]{20,}"', h)
                           for h in players)


def test_the_checks_can_fail():
    assert looks_like_a_file_name("042522d57bf8a3165573f095b78d98f2") and looks_like_a_file_name("figure.png")
    assert not looks_like_a_file_name("Line plot of the error against the epoch, falling fast")
    assert caption_text(Cell(cell_type="markdown", source="*A caption.*", metadata={"tags": ["remove-cell"]})) == \
        "A caption."
    assert caption_text(Cell(cell_type="markdown", source="*A caption.*", metadata={})) is None
    assert FIGURE_LINK.findall("as [Figure 3.1](#fig-03-x) shows") == [("3", "1", "fig-03-x")]
