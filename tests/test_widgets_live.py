"""The explorers' widgets work live: in a real kernel, moving a control redraws the figure in the widget's output.

Each chapter is executed up to its widget cell (nbclient, kernel python3); then a cell moves the controls the way a
reader would and reports what the widget's output area received.
"""

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

MOVES = {
    "02_weight_delta": "explorer.children[0].value = 3.8",
    "05_output_signals": "explorer.children[0].value = ('logistic', 'cross_entropy')",
    "07_hidden_signals": "explorer.children[0].value = 'relu'; explorer.children[1].value = -0.5",
    "08_training": "explorer.children[2].value = 10; explorer.children[3].value = 'relu'; print(status.value)",
}
REPORT = """
output_area = explorer.children[-1]
print(sorted(key for output in output_area.outputs for key in output.get('data', {})))
"""


@pytest.mark.parametrize("chapter", sorted(MOVES))
def test_moving_a_control_redraws_the_explorer(chapter):
    nb = nbformat.read(ROOT / "chapters" / f"{chapter}.ipynb", as_version=4)
    widget = max(i for i, cell in enumerate(nb.cells)
                 if cell.cell_type == "code" and "explorer = widgets.interactive(" in cell.source)
    nb.cells = nb.cells[:widget + 1] + [nbformat.v4.new_code_cell(MOVES[chapter] + REPORT)]
    NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(ROOT / "chapters")}}).execute()
    printed = "".join(output.get("text", "") for output in nb.cells[-1].outputs).splitlines()
    if chapter == "08_training":  # the explorer says when it is training and when it has finished
        status, printed = printed[0], printed[1:]
        assert status.startswith("trained in "), status
    assert printed[0] == "['image/png', 'text/plain']", f"{chapter}: the widget's output holds {printed[0]}"
