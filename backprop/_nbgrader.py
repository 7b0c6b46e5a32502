"""nbgrader set-up for the course (kept by hand; not part of the course package's API).

The chapters are the nbgrader *source* of one assignment, ``chapters``. ``configure``
sets a course directory up; ``RemoveWorkedSolutions`` is added in front of nbgrader's
own preprocessors so that the student edition keeps each exercise and its auto-graded
test but none of the worked solutions shown in the book's dropdowns; ``PlainMarkdown``
then writes the book's MyST markup as plain Markdown, which any notebook front end
renders. The coding solutions themselves are nbgrader solution cells, which nbgrader
turns into stubs that say what to do.
"""

import json
import re
from pathlib import Path

import nbformat

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import NbGraderPreprocessor

START, END = "```{solution-start}", "```{solution-end}"


class RemoveWorkedSolutions(NbGraderPreprocessor):
    """Drop what lies between ``{solution-start}`` and ``{solution-end}``: markdown
    lines and code cells, except nbgrader solution cells (the student's answer
    cells)."""

    def preprocess(self, nb, resources):
        inside, closing, cells = False, False, []
        for cell in nb.cells:
            if cell.cell_type == "code":
                if not inside or cell.metadata.get("nbgrader", {}).get(
                    "solution", False
                ):
                    cells.append(cell)
                continue
            kept = []
            for line in cell.source.split("\n"):
                if closing:  # the ``` that closes a solution-end directive
                    closing = False
                    continue
                if line.startswith(START):
                    inside = True
                elif line.startswith(END):
                    inside, closing = False, True
                elif not inside:
                    kept.append(line)
            cell.source = "\n".join(kept).strip("\n")
            if cell.source:
                cells.append(cell)
        nb.cells = cells
        return nb, resources


DISPLAY_EQUATION = re.compile(r"\$\$\n(.*?)\n\$\$ \((eq-[\w-]+)\)", flags=re.S)
EXERCISE = re.compile(r"```\{exercise\}[ \t]*(.*?)\n(.*?)\n```", flags=re.S)
ADMONITION = re.compile(r"```\{admonition\}[ \t]*(.*?)\n(.*?)\n```", flags=re.S)
OPTION = re.compile(r"^:[\w-]+:.*$\n?", flags=re.M)


def book_numbers(folder):
    """{label: number} for the equations ("(7.3)") and exercises ("Exercise 7.2") of
    the chapters in `folder`, numbered as the book numbers them: by chapter, in order
    of appearance."""
    numbers = {}
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        chapter = int(path.name[:2])
        markdown = "\n".join(
            "".join(cell["source"])
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "markdown"
        )
        for n, (_, label) in enumerate(DISPLAY_EQUATION.findall(markdown), start=1):
            numbers[label] = f"({chapter}.{n})"
        for n, (_, body) in enumerate(EXERCISE.findall(markdown), start=1):
            label = re.search(r"^:label:\s*(\S+)", body, flags=re.M)
            if label:
                numbers[label.group(1)] = f"Exercise {chapter}.{n}"
    return numbers


class PlainMarkdown(NbGraderPreprocessor):
    """Write the book's MyST markup as plain Markdown, which every notebook front end
    renders (JupyterLab without jupyterlab-myst, classic Jupyter, Colab): exercises
    become numbered headings, admonitions block quotes, labelled equations carry
    their number as a \\tag, and references become the text the book shows."""

    def preprocess(self, nb, resources):
        folder = resources.get("metadata", {}).get("path") or "."
        numbers = book_numbers(folder)

        def exercise(match):
            body = OPTION.sub("", match.group(2)).strip("\n")
            label = re.search(r"^:label:\s*(\S+)", match.group(2), flags=re.M)
            number = numbers.get(label.group(1), "Exercise") if label else "Exercise"
            return f"#### {number}: {match.group(1).strip()}\n\n{body}"

        def admonition(match):
            body = OPTION.sub("", match.group(2)).strip("\n")
            quoted = "\n".join(
                f"> {line}" if line else ">" for line in body.split("\n")
            )
            return f"> **{match.group(1).strip()}**\n>\n{quoted}"

        def equation(match):
            tag = numbers.get(match.group(2), "").strip("()")
            return (
                f"$$\n{match.group(1)}\n\\tag{{{tag}}}\n$$"
                if tag
                else f"$$\n{match.group(1)}\n$$"
            )

        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            text = EXERCISE.sub(exercise, cell.source)
            text = ADMONITION.sub(admonition, text)
            text = DISPLAY_EQUATION.sub(equation, text)
            text = re.sub(
                r"\{eq\}`([\w-]+)`", lambda m: numbers.get(m.group(1), m.group(1)), text
            )
            text = re.sub(
                r"\{ref\}`([\w-]+)`",
                lambda m: numbers.get(m.group(1), m.group(1)),
                text,
            )
            text = re.sub(
                r"\[([^\]]+)\]\(#[\w-]+\)", r"\1", text
            )  # a link to a label: its text
            # A link to a page that is not in the edition (the reference pages): its
            # text, and where to find it.
            text = re.sub(
                r"\[([^\]]+)\]\((?!0\d_)[\w-]+\.(?:ipynb|md)\)",
                r"\1 (in the web book)",
                text,
            )
            cell.source = text
        nb.cells = with_work_cells(nb.cells)
        return nb, resources


WORK_CELL = "# Your work for {number} (not graded): add cells as you need them.\n"


def with_work_cells(cells):
    """The cells with each exercise heading in a Markdown cell of its own, and an
    empty code cell after every exercise that has none (those whose answer is a
    derivation or a computation that is not graded)."""
    heading = re.compile(r"^#### (Exercise \d+\.\d+):", flags=re.M)
    split = []
    for cell in cells:
        starts = (
            [m.start() for m in heading.finditer(cell.source)]
            if cell.cell_type == "markdown"
            else []
        )
        if len(starts) < 2:
            split.append(cell)
            continue
        bounds = (
            [0 if cell.source[: starts[0]].strip() == "" else starts[0]]
            + starts[1:]
            + [len(cell.source)]
        )
        if bounds[0] != 0:
            split.append(
                nbformat.v4.new_markdown_cell(cell.source[: starts[0]].rstrip("\n"))
            )
        for a, b in zip(bounds, bounds[1:]):
            split.append(nbformat.v4.new_markdown_cell(cell.source[a:b].strip("\n")))
    result = []
    for i, cell in enumerate(split):
        result.append(cell)
        exercise = heading.search(cell.source) if cell.cell_type == "markdown" else None
        following = split[i + 1] if i + 1 < len(split) else None
        if exercise and (following is None or following.cell_type != "code"):
            result.append(
                nbformat.v4.new_code_cell(WORK_CELL.format(number=exercise.group(1)))
            )
    return result


def configure(c, root, source="."):
    """nbgrader settings for a course directory `root` whose `source` folder holds
    the `chapters` assignment."""
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.source_directory = str(source)
    c.CourseDirectory.release_directory = "student"
    # The introduction and the chapters (00-89); the reference pages (9x) are no
    # assignment.
    c.CourseDirectory.notebook_id = "[0-8][0-9]_*"
    c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.md"]
    c.Execute.kernel_name = "python3"
    c.Execute.timeout = 120
    defaults = GenerateAssignment.class_traits()["preprocessors"].default()
    c.GenerateAssignment.preprocessors = [
        RemoveWorkedSolutions,
        PlainMarkdown,
        *defaults,
    ]
    stub = (
        "# YOUR CODE HERE: replace these two lines with your answer, "
        "then run the next cell\n"
        'raise NotImplementedError("write your answer here")'
    )
    c.ClearSolutions.code_stub = {"python": stub}


def write_student_book_config(source="_config.yml", target="_build/student_config.yml"):
    """The configuration of the solution-free book (`make book-student`), from the
    book's own.

    Solutions hidden (sphinx-exercise's ``hide_solutions``), and nothing that leads
    to them: no copy of the notebooks' sources (``_sources``, which the download
    button serves), no download button, no Binder or Colab launch buttons (they open
    the full notebooks of the repository), no repository or issues button.
    """
    import yaml

    with open(source, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    sphinx = config["sphinx"]["config"]
    sphinx["hide_solutions"] = True
    sphinx["html_copy_source"] = False
    sphinx["html_show_sourcelink"] = False
    sphinx.setdefault("html_theme_options", {})["use_download_button"] = False
    config["launch_buttons"] = {
        "notebook_interface": "classic",
        "binderhub_url": "",
        "colab_url": "",
        "jupyterhub_url": "",
        "thebe": False,
    }
    config["html"] = {
        **config.get("html", {}),
        "use_repository_button": False,
        "use_issues_button": False,
    }
    config["title"] += " (student edition)"
    with open(target, "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, allow_unicode=True, sort_keys=False)


def print_scores(root=".", assignment="chapters"):
    """Print every student's score per chapter, from the gradebook of the course
    directory `root`."""
    import os

    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(
        f"sqlite:///{os.path.join(os.path.abspath(root), 'gradebook.db')}"
    ) as gradebook:
        notebooks = [
            notebook.name
            for notebook in gradebook.find_assignment(assignment).notebooks
            if notebook.max_score > 0
        ]
        print(
            "student".ljust(16)
            + "".join(name[:14].rjust(16) for name in notebooks)
            + "total".rjust(10)
        )
        for student in sorted(s.id for s in gradebook.students):
            cells, total, out_of = [], 0.0, 0.0
            for name in notebooks:
                try:
                    submission = gradebook.find_submission_notebook(
                        name, assignment, student
                    )
                except MissingEntry:
                    cells.append("-".rjust(16))
                    continue
                cells.append(
                    f"{submission.score:g} / {submission.max_score:g}".rjust(16)
                )
                total, out_of = total + submission.score, out_of + submission.max_score
            print(
                student.ljust(16) + "".join(cells) + f"{total:g} / {out_of:g}".rjust(10)
            )
