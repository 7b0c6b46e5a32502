"""The student edition and auto-grading, end to end with nbgrader, offline (SQLite).

Two temporary course directories, autograded in parallel: in one, a student submits the source chapters (who must get
full marks on every graded cell); in the other, a student submits the student edition untouched (who must get zero,
without crashing the grader). The student edition must hold no solution text and no outputs.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from conftest import ROOT

NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
CHAPTERS = sorted((ROOT / "chapters").glob("0[0-9]_*.ipynb"))  # the assignment: introduction and chapters 1-8


def make_course(folder):
    """A course directory whose source/chapters holds a copy of the chapters; returns it after generating."""
    (folder / "source" / "chapters").mkdir(parents=True)
    for path in CHAPTERS:
        shutil.copy(path, folder / "source" / "chapters" / path.name)
    (folder / "nbgrader_config.py").write_text(
        "from backprop._nbgrader import configure\n"
        f"configure(get_config(), root={str(folder)!r}, source='source')\n")
    return folder


def run_all(commands):
    """Run commands in parallel (each as (arguments, folder)); returns their completed results."""
    # nbgrader runs `alembic` to create its database: the venv's scripts must be on the PATH.
    environment = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    processes = [subprocess.Popen(arguments, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env=environment) for arguments, folder in commands]
    logs = [process.communicate(timeout=600)[0] for process in processes]
    return [(process.returncode, log) for process, log in zip(processes, logs)]


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


def test_the_student_edition_holds_no_solution_and_no_output(graded):
    courses, _ = graded
    for path in CHAPTERS:
        edition = json.loads((courses["edition"] / "student" / "chapters" / path.name).read_text())
        text = json.dumps(edition)
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "{solution-start}", "{solution-end}"):
            assert marker not in text, f"{path.name}: {marker} in the student edition"
        assert all(not cell.get("outputs") for cell in edition["cells"] if cell["cell_type"] == "code"), path.name
        cells = json.loads(path.read_text())["cells"]
        for cell in cells:
            if not cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                continue
            source = "".join(cell["source"])
            elsewhere = "\n".join("".join(other["source"]) for other in cells if other is not cell)
            answer = re.search(r"### BEGIN SOLUTION\n(.*?)\n\s*### END SOLUTION", source, flags=re.S).group(1)
            # A line of the answer that appears nowhere else in the chapter must not appear in the edition.
            revealing = [line.strip() for line in answer.splitlines() if line.strip() and line.strip() not in elsewhere]
            assert revealing, f"{path.name}: the solution has no line of its own to look for"
            for line in revealing:
                assert json.dumps(line)[1:-1] not in text, f"{path.name}: solution line {line!r} in the edition"
