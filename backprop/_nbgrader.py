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
