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
NOT_PROSE = re.compile(r"`[^`\n]*`|\{eq\}`[^`]*`|\(eq-[\w-]+\)|\]\([^)]*\)|^:label:.*$|^```.*$|"
                       r"\[Figure \d+\.\d+\]|\[\(\d+\.\d+\)\]", re.M)  # (a figure's or equation's number)
EXEMPT = {
    "00_introduction.ipynb": {"2017": "the year of the cited blog post"},
    "01_the_goal.ipynb": {"709.78": "ln of the largest float64: a constant of the number format"},
    "07_hidden_signals.ipynb": {"2015": "the year of the cited book"},
    "08_training.ipynb": {"2017": "a date of the cited post", "2019": "a date of the cited post",
                          "256": "the name of the hash, SHA-256"},
    "09_digits.ipynb": {"1998": "the year of the cited data set"},
    "10_autodiff.ipynb": {"2008": "the year of the cited book (Griewank and Walther)",
                          "2015": "the year of the cited book (Nielsen)"},
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


# Quantitative words. Each use in a chapter's prose is registered here with what backs it: a text the chapter's
# outputs must contain (the measurement), or "derived:" and where the prose derives it. An unregistered use fails,
# and so does a registered one whose measurement is no longer printed.
QUANTITY_WORDS = re.compile(r"\b(?:twice|usually|mostly|(?<!at )most(?! wrong| needed)|often|rarely|seldom|typically|"
                            r"generally|majority|\w+ times (?:as|larger|smaller|faster|slower|more|less))\b", re.I)
CLAIMS = {
    "00_introduction.ipynb": {
        "define anything twice": "derived: about the book's own structure (a test checks the export), not a measurement",
    },
    "03_gradient.ipynb": {
        "a thousand times larger step": "derived: u^(1/3) for float32 against float64, in the same paragraph",
        "about a thousand times larger than in float64": "derived: the same ratio of step sizes",
        "more than a thousand times more accurate": "central is more than 1000 times more accurate: True",
        "is rarely within 1e-6 of 1": "derived: a factor such as f′ = 1 − h² or η = 0.05 is that close to 1 only by chance",
    },
    "05_output_signals.ipynb": {
        "exactly twice the per-node signal": "ratio exact / per node: [2. 2.]",
        "still twice the per-node signal": "derived: the exercise asks the reader to predict and compute it",
        "whiskers most of the rest": "derived: what a box plot's whiskers are",
        "for most items": "median cosine between per-node and exact signals 0.922",
    },
    "06_input_to_hidden.ipynb": {
        "100 times larger gives its weights gradients 100 times larger": "derived: the gradient is δ_j × x_i (point 6)",
        "10 times larger": "derived: the exercise asks the reader to predict and compute it",
    },
    "07_hidden_signals.ipynb": {
        "(twice, each time": "derived: counts calls in the exercise's recipe",
        "(three times)": "derived: counts calls in the exercise's recipe",
    },
    "08_training.ipynb": {
        "How often does a start get stuck": "of 40 (errors",
        "nearly as often, and mostly from the same starts": "stuck with momentum and also stuck without: 14",
        "only a few times slower": "ratio",
        "ten times smaller rate": "derived: η = 0.005 against 0.05, in the code",
        "ten times larger, as if η were ten times larger": "derived: 1 / (1 − 0.9) = 10, in the same solution",
    },
    "91_speed.ipynb": {
        "mostly per-operation overhead": "4-7-3",
        "most of all for the smallest steps": "derived: a fixed interruption is a larger share of a shorter step",
    },
}


def claims_in(markdown):
    """Each quantitative word in the prose with the line around it, whitespace collapsed."""
    text = " ".join(NOT_PROSE.sub(" ", markdown).split())
    return [(m.group(0), text[max(0, m.start() - 80):m.end() + 80]) for m in QUANTITY_WORDS.finditer(text)]


def unbacked(cells, registered):
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    printed = "\n".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                        for c in cells if c["cell_type"] == "code" for o in c.get("outputs", []))
    problems = [f"unregistered {word!r} in: …{around}…" for word, around in claims_in(markdown)
                if not any(phrase in around for phrase in registered)]
    text = " ".join(markdown.split())
    for phrase, backing in registered.items():
        if phrase not in text:
            problems.append(f"registered claim {phrase!r} is no longer in the prose: remove it from CLAIMS")
        elif not backing.startswith("derived:") and backing not in printed:
            problems.append(f"claim {phrase!r} is backed by {backing!r}, which no output prints any more")
    return problems


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_quantitative_word_is_backed_by_a_measurement_or_a_derivation(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    problems = unbacked(cells, CLAIMS.get(path.name, {}))
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_a_planted_quantitative_word_is_caught():
    planted = [cell("markdown", "Momentum usually helps, and the error halves twice as fast."),
               cell("code", "print(r)", "ratio 2.0\n")]
    assert len(unbacked(planted, {})) == 2
    assert unbacked(planted, {"usually helps": "ratio 2.0", "twice as fast": "derived: see above"}) == []
    assert len(unbacked(planted, {"usually helps": "ratio 3.0", "twice as fast": "derived: see above"})) == 1
