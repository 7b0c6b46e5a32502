"""nbgrader set-up for the course (kept by hand; not part of the course package's API).

The chapters are the nbgrader *source* of one assignment, ``chapters``. ``configure`` sets a course directory up;
``RemoveWorkedSolutions`` is added in front of nbgrader's own preprocessors so that the student edition keeps each
exercise and its auto-graded test but none of the worked solutions shown in the book's dropdowns. The coding
solutions themselves are nbgrader solution cells, which nbgrader turns into stubs.
"""

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import NbGraderPreprocessor

START, END = "```{solution-start}", "```{solution-end}"


class RemoveWorkedSolutions(NbGraderPreprocessor):
    """Drop what lies between ``{solution-start}`` and ``{solution-end}``: markdown lines and code cells, except
    nbgrader solution cells (the student's answer cells)."""

    def preprocess(self, nb, resources):
        inside, closing, cells = False, False, []
        for cell in nb.cells:
            if cell.cell_type == "code":
                if not inside or cell.metadata.get("nbgrader", {}).get("solution", False):
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


def configure(c, root, source="."):
    """nbgrader settings for a course directory `root` whose `source` folder holds the `chapters` assignment."""
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.source_directory = str(source)
    c.CourseDirectory.release_directory = "student"
    c.CourseDirectory.notebook_id = "0*"  # the introduction and chapters 1-8; the reference pages (9x) are no assignment
    c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.md"]
    c.Execute.kernel_name = "python3"
    c.Execute.timeout = 120
    defaults = GenerateAssignment.class_traits()["preprocessors"].default()
    c.GenerateAssignment.preprocessors = [RemoveWorkedSolutions, *defaults]


def write_student_book_config(source="_config.yml", target="_build/student_config.yml"):
    """The configuration of the solution-free book (`make book-student`), from the book's own.

    Solutions hidden (sphinx-exercise's ``hide_solutions``), and nothing that leads to them: no copy of the
    notebooks' sources (``_sources``, which the download button serves), no download button, no Binder or Colab
    launch buttons (they open the full notebooks of the repository), no repository or issues button.
    """
    import yaml

    with open(source, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    sphinx = config["sphinx"]["config"]
    sphinx["hide_solutions"] = True
    sphinx["html_copy_source"] = False
    sphinx["html_show_sourcelink"] = False
    sphinx.setdefault("html_theme_options", {})["use_download_button"] = False
    config["launch_buttons"] = {"notebook_interface": "classic", "binderhub_url": "", "colab_url": "",
                                "jupyterhub_url": "", "thebe": False}
    config["html"] = {**config.get("html", {}), "use_repository_button": False, "use_issues_button": False}
    config["title"] += " (student edition)"
    with open(target, "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, allow_unicode=True, sort_keys=False)


def print_scores(root=".", assignment="chapters"):
    """Print every student's score per chapter, from the gradebook of the course directory `root`."""
    import os

    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{os.path.join(os.path.abspath(root), 'gradebook.db')}") as gradebook:
        notebooks = [notebook.name for notebook in gradebook.find_assignment(assignment).notebooks
                     if notebook.max_score > 0]
        print("student".ljust(16) + "".join(name[:14].rjust(16) for name in notebooks) + "total".rjust(10))
        for student in sorted(s.id for s in gradebook.students):
            cells, total, out_of = [], 0.0, 0.0
            for name in notebooks:
                try:
                    submission = gradebook.find_submission_notebook(name, assignment, student)
                except MissingEntry:
                    cells.append("-".rjust(16))
                    continue
                cells.append(f"{submission.score:g} / {submission.max_score:g}".rjust(16))
                total, out_of = total + submission.score, out_of + submission.max_score
            print(student.ljust(16) + "".join(cells) + f"{total:g} / {out_of:g}".rjust(10))
