"""A local Sphinx extension for the book (kept by hand; not part of the course package's
API).

1. Sphinx 7, which Jupyter Book 1 requires, writes some inline scripts twice on every
   page; in a browser the second copy of ``const THEBE_JS_URL = ...`` throws
   "Identifier 'THEBE_JS_URL' has already been declared" (fixed upstream only in
   Sphinx 8). ``drop_duplicate_scripts`` keeps the first of each set of identical
   scripts.
2. With ``hide_solutions: true`` sphinx-exercise drops a gated solution's start but
   keeps its end node, and the build crashes ("departing unknown node type:
   solution_end_node", sphinx-exercise issue #89). Here the start directive leaves a
   marker instead, and ``DropHiddenSolutions`` removes everything from the marker to
   the end node.
3. nbgrader's ``### BEGIN SOLUTION`` / ``### END SOLUTION`` (and ``HIDDEN TESTS``)
   lines are for the grader, not the reader: ``StripSolutionMarkers`` removes them from
   the code shown in the book.
"""

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx_exercise.directive import SolutionStartDirective
from sphinx_exercise.nodes import solution_end_node

MARKER_LINE = re.compile(
    r"^[ \t]*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)[ \t]*\n?", flags=re.M
)


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """html-page-context handler: keep the first of each set of identical script
    entries."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # An inline script is registered once with filename None and once with '':
        # compare what is written.
        filename = getattr(script, "filename", script) or ""
        key = (
            str(filename),
            tuple(
                sorted(
                    (str(k), str(v))
                    for k, v in getattr(script, "attributes", {}).items()
                )
            ),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


class hidden_solution_start(nodes.Element):
    """Where a gated solution began, in a book that hides solutions (removed before
    writing)."""


class HidingSolutionStartDirective(SolutionStartDirective):
    """``solution-start`` that leaves a marker when solutions are hidden, so the
    whole solution can be dropped."""

    def run(self):
        result = super().run()
        return (
            [hidden_solution_start()] if self.env.app.config.hide_solutions else result
        )


class DropHiddenSolutions(SphinxTransform):
    """Remove each hidden gated solution: the marker, everything after it, and the
    solution-end node."""

    default_priority = 5  # before sphinx-exercise merges gated directives (priority 10)

    def apply(self):
        for start in list(self.document.findall(hidden_solution_start)):
            parent = start.parent
            first = parent.index(start)
            last = next(
                (
                    i
                    for i in range(first, len(parent))
                    if isinstance(parent[i], solution_end_node)
                ),
                None,
            )
            if last is None:
                raise ValueError(
                    f"{self.env.docname}: a solution-start without a solution-end "
                    "after it"
                )
            del parent[first : last + 1]


class StripSolutionMarkers(SphinxTransform):
    """Remove nbgrader's solution marker lines from every code block."""

    default_priority = 700

    def apply(self):
        for block in self.document.findall(nodes.literal_block):
            text = block.astext()
            if MARKER_LINE.search(text):
                cleaned = MARKER_LINE.sub("", text)
                block.children = [nodes.Text(cleaned)]
                block.rawsource = cleaned


def setup(app):
    app.setup_extension("sphinx_exercise")
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    app.add_node(hidden_solution_start)
    app.add_directive("solution-start", HidingSolutionStartDirective, override=True)
    app.add_transform(DropHiddenSolutions)
    app.add_transform(StripSolutionMarkers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
