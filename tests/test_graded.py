"""The graded exercises, tried as an instructor would: every answer of the catalogue autograded by nbgrader.

`tests/graded/<grade id>.py` holds, for each graded exercise, right answers written in several ways and classic
mistakes, each with the message it must receive (see tests/graded/README.md). The assignment "catalogue" is one
notebook: the chapters' imports, then every exercise's answer cell and graded test cell, copied from the chapters
with their nbgrader metadata (hidden tests included, so that the real mechanism is tried). Student n submits the
n-th answer of every exercise (the book's own answer where an exercise has fewer), so a kernel starts once per
student, not once per answer. Two course directories, half the students each, are autograded in parallel. A right
answer must get full marks, a wrong one zero, with a message that names its mistake.
"""

import importlib.util
import json
import nbformat
import pytest
from nbgrader.api import Gradebook

from conftest import NBGRADER, ROOT, run_all

CATALOGUE = ROOT / "tests" / "graded"
SETUP = "import numpy as np\n\nfrom backprop import *  # the functions the chapters have imported by the exercise"


def answers():
    """{grade id: [(name, expected, source), ...]} from tests/graded/."""
    found = {}
    for path in sorted(CATALOGUE.glob("ch*.py")):
        spec = importlib.util.spec_from_file_location(f"catalogue_{path.stem.replace('-', '_')}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found[path.stem] = module.ANSWERS
    return found


def graded_cells():
    """{grade id: (answer cell, test cell)} from the chapters."""
    found = {}
    for path in sorted((ROOT / "chapters").glob("[01][0-9]_*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        for n, cell in enumerate(cells):
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and meta.get("grade_id"):
                test = next(c for c in cells[n + 1:] if c.metadata.get("nbgrader", {}).get("grade"))
                found[meta["grade_id"]] = (cell, test)
    return found


def catalogue_notebook(cells):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(SETUP)]
    for answer_cell, test_cell in cells.values():
        for cell in (answer_cell, test_cell):
            copied = nbformat.from_dict(json.loads(json.dumps(cell)))
            copied.outputs, copied.execution_count = [], None
            notebook.cells.append(copied)
    return notebook


def make_course(folder, cells):
    (folder / "source" / "catalogue").mkdir(parents=True)
    nbformat.write(catalogue_notebook(cells), folder / "source" / "catalogue" / "exercises.ipynb")
    (folder / "nbgrader_config.py").write_text(
        "from backprop._nbgrader import configure\n"
        f"configure(get_config(), root={str(folder)!r}, source='source')\n"
        "get_config().CourseDirectory.notebook_id = '*'\n")
    return folder


def submit(folder, student, sources):
    """The released notebook, with each exercise's answer cell replaced by sources[grade id]."""
    notebook = nbformat.read(folder / "student" / "catalogue" / "exercises.ipynb", as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in sources:
            cell.source = sources[grade_id].strip("\n")
    target = folder / "submitted" / student / "catalogue"
    target.mkdir(parents=True)
    nbformat.write(notebook, target / "exercises.ipynb")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """{(student, grade id): (folder, answer name, expected)} after autograding the whole catalogue."""
    cells, catalogue = graded_cells(), answers()
    assert set(catalogue) == set(cells), "every graded exercise has a catalogue, and every catalogue an exercise"
    folders = [make_course(tmp_path_factory.mktemp(f"catalogue_{n}"), cells) for n in range(2)]
    results = run_all([([NBGRADER, "generate_assignment", "catalogue", "--force"], folder) for folder in folders])
    assert all(code == 0 for code, _ in results), "\n".join(log for _, log in results)
    expected = {}
    for n in range(max(len(listed) for listed in catalogue.values())):
        folder, student = folders[n % 2], f"answers{n:02d}"
        chosen = {grade_id: listed[n] if n < len(listed) else listed[0] for grade_id, listed in catalogue.items()}
        submit(folder, student, {grade_id: source for grade_id, (_, _, source) in chosen.items()})
        for grade_id, (name, verdict, _) in chosen.items():
            expected[student, grade_id] = (folder, name, verdict)
    results = run_all([([NBGRADER, "autograde", "catalogue", "--force"], folder) for folder in folders])
    assert all(code == 0 for code, _ in results), "\n".join(log[-3000:] for _, log in results)
    return expected


def outcome(folder, student, grade_id):
    """(score, max score, the test cell's error message or '') of one student's exercise."""
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission_notebook("exercises", "catalogue", student)
        grade = next(g for g in submission.grades if g.name == f"{grade_id}-test")
        score, max_score = grade.score, grade.max_score
    notebook = json.loads((folder / "autograded" / student / "catalogue" / "exercises.ipynb").read_text())
    test = next(c for c in notebook["cells"]
                if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == f"{grade_id}-test")
    errors = [f"{o.get('ename')}: {o.get('evalue')}" for o in test.get("outputs", []) if o["output_type"] == "error"]
    return score, max_score, "\n".join(errors)


def judge(grade_id, name, expected, passed, messages):
    """What is wrong with one answer's verdict ("" if nothing): expected is "pass" or alternatives joined by "|",
    one of which every message of a wrong answer must contain."""
    if expected == "pass":
        return "" if passed else f"false negative: {grade_id} '{name}' lost marks: {messages}"
    if passed:
        return f"false positive: {grade_id} '{name}' got full marks"
    if not all(any(part in message for part in expected.split("|")) for message in messages):
        return f"message: {grade_id} '{name}' should say {expected!r}, says: {messages}"
    return ""


def verdicts(graded):
    """Every answer whose grade or message is not what the catalogue expects, as readable lines."""
    wrong = []
    for (student, grade_id), (folder, name, expected) in graded.items():
        score, max_score, message = outcome(folder, student, grade_id)
        passed = score == max_score
        if not passed and score != 0:
            wrong.append(f"partial marks: {grade_id} '{name}' got {score} of {max_score}")
        wrong.append(judge(grade_id, name, expected, passed, [message] if message else []))
    return [line for line in wrong if line]


def test_every_right_answer_passes_and_every_mistake_is_caught_and_named(graded):
    wrong = verdicts(graded)
    assert not wrong, "\n".join(wrong)


def test_the_catalogue_is_rich_enough():
    for grade_id, listed in answers().items():
        right = [name for name, expected, _ in listed if expected == "pass"]
        mistakes = [name for name, expected, _ in listed if expected != "pass"]
        assert len(right) >= 3 and len(mistakes) >= 5, grade_id  # the book's answer and two others; 5 mistakes
        assert len({source for _, _, source in listed}) == len(listed), f"{grade_id}: an answer is listed twice"


def test_a_planted_false_positive_or_negative_is_reported(graded):
    # Real graded answers, read with the opposite expectation, must be reported, each under its own name.
    right = next((key, (folder, name)) for key, (folder, name, verdict) in graded.items() if verdict == "pass")
    mistake = next((key, (folder, name)) for key, (folder, name, verdict) in graded.items() if verdict != "pass")
    (key, (folder, name)), (other, (folder2, name2)) = right, mistake
    assert verdicts({key: (folder, name, "wrong sign")})[0].startswith("false positive")
    assert verdicts({other: (folder2, name2, "pass")})[0].startswith("false negative")
    assert verdicts({other: (folder2, name2, "a message nobody writes")})[0].startswith("message")


def test_the_checks_in_process_agree_with_the_catalogue(tmp_path):
    """The same verdicts without nbgrader, each answer imported from a file of its own (the chapter 4 check reads
    the answer's source), on the visible case and on three draws of hidden cases: quick to run while editing."""
    from backprop._grading import check

    wrong = []
    for grade_id, listed in answers().items():
        for number, (name, expected, source) in enumerate(listed):
            path = tmp_path / f"answer_{grade_id.replace('-', '_')}_{number}.py"
            path.write_text(SETUP + "\n\n" + source)
            spec = importlib.util.spec_from_file_location(path.stem, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            answer = next(v for v in vars(module).values()
                          if callable(v) and getattr(v, "__module__", None) == module.__name__)
            messages = []
            for hidden in (False, True, True, True):
                try:
                    check(grade_id, answer, hidden=hidden)
                except AssertionError as problem:
                    messages.append(str(problem))
            wrong.append(judge(grade_id, name, expected, not messages, messages))
    wrong = [line for line in wrong if line]
    assert not wrong, "\n".join(wrong)


OWN_DEFINITIONS = {  # a chapter defines these itself: an answer that calls the chapter's copy is refused too
    "ch4-loops": ("weight_gradients", '''
def weight_gradients(signals, inputs):
    return inputs.T @ signals / len(inputs), signals.mean(axis=0)


def weight_gradients_loops(signals, inputs):
    for _ in range(1):
        return weight_gradients(signals, inputs)
'''),
    "ch5-jacobian": ("output_signals", '''
def output_signals(targets, outputs, output="softmax", error="cross_entropy", rule="exact"):
    import backprop
    return backprop.output_signals(targets, outputs, output, error, rule)


def signals_by_jacobian(T, O, kind):
    error_derivative(T, O, kind, "softmax"), softmax_jacobian(O)
    return output_signals(T, O, "softmax", kind)
'''),
    "ch7-two-hidden": ("backward", '''
def backward(x, t, weights, biases, hidden="tanh", output="softmax", error="cross_entropy", rule="exact"):
    import backprop
    return backprop.backward(x, t, weights, biases, hidden, output, error, rule)


def two_hidden_backward(x, t, weights, biases):
    a1 = logistic(x @ weights[0] + biases[0])
    top = backward(a1, t, weights[1:], biases[1:], "tanh")
    d1 = (top[0][1] @ weights[1].T) * a1 * (1 - a1)
    return [weight_gradients(d1, x)] + list(top)
'''),
}


@pytest.mark.parametrize("grade_id", sorted(OWN_DEFINITIONS))
def test_an_answer_calling_the_chapter_s_own_copy_of_a_forbidden_function_is_refused(grade_id, tmp_path):
    from backprop._grading import check

    name, source = OWN_DEFINITIONS[grade_id]
    path = tmp_path / f"own_{grade_id.replace('-', '_')}.py"
    path.write_text(SETUP + "\n\n" + source)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    answer = getattr(module, {"ch4-loops": "weight_gradients_loops", "ch5-jacobian": "signals_by_jacobian",
                              "ch7-two-hidden": "two_hidden_backward"}[grade_id])
    with pytest.raises(AssertionError, match=f"without calling `{name}`"):
        check(grade_id, answer)
