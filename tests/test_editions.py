"""The student edition and auto-grading, end to end with nbgrader, offline (SQLite).

Two temporary course directories, autograded in parallel: in one, a student submits the source chapters (who must get
full marks on every graded cell); in the other, a student submits the student edition untouched (who must get zero,
without crashing the grader). The student edition must hold no solution text and no outputs.
"""

import html as htmlmodule
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from nbgrader.api import Gradebook

from backprop._nbgrader import write_student_book_config
from conftest import NBGRADER, ROOT, run_all

CHAPTERS = sorted((ROOT / "chapters").glob("[0-8][0-9]_*.ipynb"))  # the assignment: introduction and chapters


def make_course(folder):
    """A course directory whose source/chapters holds a copy of the chapters; returns it after generating."""
    (folder / "source" / "chapters").mkdir(parents=True)
    for path in CHAPTERS:
        shutil.copy(path, folder / "source" / "chapters" / path.name)
    (folder / "nbgrader_config.py").write_text(
        "from backprop._nbgrader import configure\n"
        f"configure(get_config(), root={str(folder)!r}, source='source')\n")
    return folder


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    courses = {"source": make_course(tmp_path_factory.mktemp("course_source")),
               "edition": make_course(tmp_path_factory.mktemp("course_edition"))}
    results = run_all([([NBGRADER, "generate_assignment", "chapters", "--force"], folder)
                       for folder in courses.values()])
    assert all(code == 0 for code, _ in results), "\n".join(log for _, log in results)
    for student, folder in courses.items():
        handed_in = folder / "source" / "chapters" if student == "source" else folder / "student" / "chapters"
        shutil.copytree(handed_in, folder / "submitted" / student / "chapters")
    results = run_all([([NBGRADER, "autograde", "chapters", "--force"], folder) for folder in courses.values()])
    return courses, dict(zip(courses, results))


def scores(folder, student):
    """{notebook: [(graded cell, score, max score), ...]} from the course's gradebook."""
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gradebook:
        found = {}
        for notebook in gradebook.find_assignment("chapters").notebooks:
            submission = gradebook.find_submission_notebook(notebook.name, "chapters", student)
            found[notebook.name] = [(grade.name, grade.score, grade.max_score) for grade in submission.grades]
        return found


def test_the_source_chapters_get_full_marks_on_every_graded_cell(graded):
    courses, results = graded
    code, log = results["source"]
    assert code == 0, log
    found = scores(courses["source"], "source")
    for path in [p for p in CHAPTERS if "01" <= p.name[:2] <= "89"]:  # every teaching chapter has a graded exercise
        cells = found[path.stem]
        assert cells and all(max_score > 0 for _, _, max_score in cells), f"{path.stem}: no graded cell"
        for name, score, max_score in cells:
            assert score == max_score, f"{path.stem}, {name}: {score} of {max_score}"


def test_the_untouched_student_edition_gets_zero_without_crashing(graded):
    courses, results = graded
    code, log = results["edition"]
    assert code == 0, log
    found = scores(courses["edition"], "edition")
    assert set(found) == {path.stem for path in CHAPTERS}
    assert sum(score for cells in found.values() for _, score, _ in cells) == 0
    assert sum(max_score for cells in found.values() for _, _, max_score in cells) > 0


def revealing_lines(path):
    """The lines of a chapter's coding answers that appear nowhere else in it: what a leak would show."""
    cells = json.loads(path.read_text())["cells"]
    lines = []
    for cell in cells:
        if not cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue
        source = "".join(cell["source"])
        elsewhere = "\n".join("".join(other["source"]) for other in cells if other is not cell)
        answer = re.search(r"### BEGIN SOLUTION\n(.*?)\n\s*### END SOLUTION", source, flags=re.S).group(1)
        lines += [line.strip() for line in answer.splitlines() if line.strip() and line.strip() not in elsewhere]
    return lines


def test_the_student_edition_holds_no_solution_and_no_output(graded):
    courses, _ = graded
    for path in CHAPTERS:
        edition = json.loads((courses["edition"] / "student" / "chapters" / path.name).read_text())
        text = json.dumps(edition)
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "{solution-start}", "{solution-end}", "HIDDEN TESTS",
                       "hidden=True"):
            assert marker not in text, f"{path.name}: {marker} in the student edition"
        assert all(not cell.get("outputs") for cell in edition["cells"] if cell["cell_type"] == "code"), path.name
        revealing = revealing_lines(path)
        assert revealing or not 1 <= int(path.name[:2]) <= 89, f"{path.name}: no solution line to look for"
        for line in revealing:
            assert json.dumps(line)[1:-1] not in text, f"{path.name}: solution line {line!r} in the edition"


MYST = re.compile(r"```\{|:::\{|\{(eq|ref|numref|doc|term)\}`|^:(label|class):|\$\$ \(eq-", flags=re.M)


def test_the_student_edition_is_plain_markdown(graded):
    """Any notebook front end (plain JupyterLab, classic Jupyter, Colab) renders the student edition: no MyST
    directive or role is left; exercises are numbered headings, each with a code cell after it; equations keep their
    numbers; stubs say what to do; links stay inside the edition."""
    courses, _ = graded
    for path in CHAPTERS:
        cells = json.loads((courses["edition"] / "student" / "chapters" / path.name).read_text())["cells"]
        markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert not MYST.search(markdown), f"{path.name}: MyST markup left: {MYST.search(markdown).group(0)!r}"
        source = json.loads(path.read_text())["cells"]
        exercises = sum("".join(c["source"]).count("```{exercise}") for c in source if c["cell_type"] == "markdown")
        assert len(re.findall(r"^#### Exercise \d+\.\d+: \S", markdown, flags=re.M)) == exercises, path.name
        equations = sum(len(re.findall(r"\$\$ \(eq-", "".join(c["source"]))) for c in source)
        assert len(re.findall(r"\\tag\{\d+\.\d+\}", markdown)) == equations, path.name
        for cell in cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                assert "write your answer here" in "".join(cell["source"]), path.name
        # Every exercise has a code cell to work in right after its heading's cell; no link leads out of the edition.
        for cell, following in zip(cells, cells[1:] + [None]):
            if cell["cell_type"] == "markdown" and "#### Exercise" in "".join(cell["source"]):
                assert following is not None and following["cell_type"] == "code", (path.name, cell["source"][:2])
        assert not re.search(r"\]\((?!0\d_)[\w-]+\.(ipynb|md)\)", markdown), path.name


def page_text(html):
    """The text of an HTML page as a reader sees it: tags (and the highlighting spans of code) removed."""
    return htmlmodule.unescape(re.sub(r"<[^>]+>", "", html))


def test_the_solution_free_book_leaks_no_solution(tmp_path):
    config = tmp_path / "student_config.yml"
    write_student_book_config(str(ROOT / "_config.yml"), str(config))
    build = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "-W", "-n",
                            "--keep-going", "--config", str(config), "--path-output", str(tmp_path / "book")],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    site = tmp_path / "book" / "_build" / "html"
    assert not (site / "_sources").exists(), "the notebooks' sources (with their solutions) are served"
    full_book = (ROOT / "_build" / "html" / "chapters" / "02_weight_delta.html")
    if full_book.exists():  # the check below would be empty if the book had no such element to begin with
        assert 'class="solution' in full_book.read_text()
    repository = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"].split("://")[-1]
    for path in CHAPTERS:
        html = (site / "chapters" / f"{path.stem}.html").read_text()
        assert 'class="solution' not in html, f"{path.stem}: a worked solution is in the solution-free book"
        for link in ("mybinder.org", "colab.research.google.com", ".ipynb\"", repository):
            assert link not in html, f"{path.stem}: {link} leads to the full notebooks"
        text = page_text(html)
        for line in revealing_lines(path):
            assert line not in text, f"{path.stem}: solution line {line!r} in the solution-free book"
