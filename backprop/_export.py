"""Export the chapters' `#| export` cells into this package, check for drift, re-run
the chapters.

The chapter notebooks are the single source of the package. Two directives, in nbdev's
syntax, mark what goes where; they are comment lines at the top of a code cell:

    #| default_exp forward   once per notebook: its export cells go to
                             `backprop/forward.py`
    #| export                this cell's definitions belong in the package (in the
                             notebook's module)
    #| export diagram        ... in `backprop/diagram.py` instead

Each generated module opens with lines saying it is generated and which notebook to
edit, then the title of its notebook, an `__all__` computed from the public names the
cells define, and the cells in book order, formatted by ruff (the chapters' cells are
formatted by it too, so the module reads as the notebook does). `__init__.py` and the
modules whose names start with `_` are kept by hand.

    python backprop/_export.py            write every generated module
    python backprop/_export.py --check    exit 1 if a module differs from what the
                                          notebooks give, or has no notebook
    python backprop/_export.py --execute  stamp the install cells and figure captions,
                                          format the chapters' code (ruff), export,
                                          then run every chapter in place in book
                                          order and save its outputs
    python backprop/_export.py --execute chapters/08_training.ipynb
                                          ... only the chapters named
"""

import argparse
import ast
import json
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "# Generated — edit the notebook, not this file"
WIDTH = 88  # the book's code column, and ruff's line length in pyproject.toml
_DIRECTIVE = re.compile(r"^#\|\s*([\w-]+)\s*(.*?)\s*$")


class ExportError(ValueError):
    """A notebook whose directives cannot be exported (the message names the notebook
    and the cell)."""


def chapters(root=ROOT):
    """The chapter notebooks in book order (their names start with the chapter
    number)."""
    return sorted((root / "chapters").glob("[0-9][0-9]_*.ipynb"))


INSTALL_MARK = "# Where the package is missing (on Colab, say)"


def install_cell_source(root=ROOT):
    """The first code cell of every chapter: installs the package from the repository
    named in _config.yml."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    url = config["repository"]["url"]
    return (
        f"{INSTALL_MARK}, this installs it from the course's\n# repository.\n"
        "try:\n"
        "    import backprop  # noqa: F401\n"
        "except ImportError:\n"
        f"    %pip install --quiet git+{url}"
    )


def stamp_install_cells(root=ROOT):
    """Make every chapter's first code cell the install cell for the repository in
    _config.yml (a fork changes the address there, and `make notebooks` writes it
    into the chapters)."""
    import nbformat

    source = install_cell_source(root)
    for path in chapters(root):
        nb = nbformat.read(path, as_version=4)
        first = next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")
        if nb.cells[first].source.startswith(INSTALL_MARK):
            if nb.cells[first].source == source:
                continue
            nb.cells[first].source = source
        else:
            cell = nbformat.v4.new_code_cell(source)
            cell.metadata["tags"] = ["remove-cell"]  # the book needs no installation
            nb.cells.insert(first, cell)
        nbformat.write(nb, path)


def stamp_figure_captions(root=ROOT):
    """Copy each figure's caption into its cell's metadata.

    A figure is a code cell with myst-nb's ``mystnb.figure`` metadata (a name, and
    the alt text in ``mystnb.image.alt``); the book shows it numbered, with the
    caption from that metadata. The caption is written once, as the italic paragraph
    in the Markdown cell after the figure, which notebook readers see and the book
    drops (tag ``remove-cell``); `make notebooks` copies it here.
    """
    import nbformat

    for path in chapters(root):
        nb = nbformat.read(path, as_version=4)
        changed = False
        for cell, following in zip(nb.cells, nb.cells[1:]):
            figure = cell.metadata.get("mystnb", {}).get("figure")
            if cell.cell_type != "code" or figure is None:
                continue
            caption = caption_text(following)
            if caption is None:
                raise ExportError(
                    f"{path.name}: figure {figure.get('name')} needs a caption cell "
                    "after it"
                )
            if figure.get("caption") != caption:
                figure["caption"] = caption
                changed = True
        if changed:
            nbformat.write(nb, path)


def caption_text(cell):
    """The caption in a caption cell (a Markdown cell tagged remove-cell holding one
    italic paragraph), or None."""
    text = cell.source.strip() if cell.cell_type == "markdown" else ""
    tagged = "remove-cell" in cell.metadata.get("tags", [])
    if not (
        tagged and len(text) > 2 and text[0] == text[-1] == "*" and "\n\n" not in text
    ):
        return None
    return text[1:-1].strip()


def directives(source):
    """Split a cell's source into its leading `#|` directives, as (name, argument)
    pairs, and the rest."""
    lines = source.splitlines()
    found = []
    while lines and (match := _DIRECTIVE.match(lines[0])):
        found.append((match.group(1), match.group(2)))
        lines.pop(0)
    return found, "\n".join(lines).strip("\n")


def public_names(code):
    """The public names a piece of code defines at top level: functions, classes and
    assigned names."""
    names = []
    for node in ast.parse(code).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return [n for n in names if not n.startswith("_")]


def notebook_title(cells):
    """The first markdown heading of a notebook, without its #'s."""
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in _text(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def _text(cell):
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def export_cells(path, root=ROOT):
    """The export cells of one notebook, as a list of (module, cell number, code);
    cell numbers count from 1."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    name = Path(path).resolve().relative_to(root).as_posix()
    default, found = None, []
    for number, cell in enumerate(nb["cells"], start=1):
        if cell["cell_type"] != "code":
            continue
        marks, code = directives(_text(cell))
        for directive, argument in marks:
            where = f"{name}, cell {number}"
            if directive == "default_exp":
                if default is not None:
                    raise ExportError(
                        f"{where}: a second `#| default_exp` "
                        f"(the first names {default!r})"
                    )
                if not argument.isidentifier():
                    raise ExportError(
                        f"{where}: `#| default_exp` needs a module name, "
                        f"got {argument!r}"
                    )
                default = argument
            elif directive == "export":
                if argument and not argument.isidentifier():
                    raise ExportError(
                        f"{where}: `#| export` takes an optional module name, "
                        f"got {argument!r}"
                    )
                try:
                    ast.parse(code)
                except SyntaxError as error:
                    raise ExportError(
                        f"{where}: the exported code does not parse: {error}"
                    ) from None
                found.append((argument or None, number, code))
    if found and default is None and any(module is None for module, _, _ in found):
        raise ExportError(
            f"{name}: `#| export` cells but no `#| default_exp <module>` "
            "saying where they go"
        )
    if default is not None and not found:
        raise ExportError(f"{name}: `#| default_exp {default}` but no `#| export` cell")
    return [
        (module or default, number, code) for module, number, code in found
    ], notebook_title(nb["cells"])


def render_modules(root=ROOT):
    """Every generated module's text, from the notebooks: a dict from file name to
    text."""
    parts, titles = {}, {}
    for path in chapters(root):
        cells, titles[path.relative_to(root).as_posix()] = export_cells(path, root)
        for module, number, code in cells:
            parts.setdefault(module, []).append(
                (path.relative_to(root).as_posix(), number, code)
            )
    modules = {}
    for module, cells in parts.items():
        names = [n for _, _, code in cells for n in public_names(code)]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ExportError(
                f"backprop/{module}.py: {', '.join(duplicated)} defined more than once"
            )
        sources = list(dict.fromkeys(name for name, _, _ in cells))
        header = f"{MARK}: {', '.join(sources)}."
        title = (
            '"""' + "; ".join(titles[name] for name in sources if titles[name]) + "."
        )
        lines = [
            *textwrap.wrap(
                header, WIDTH, subsequent_indent="# ", break_on_hyphens=False
            ),
            "# `make export` rewrites it.",
            *textwrap.wrap(title, WIDTH, break_on_hyphens=False),
            "",
            "Each definition below comes from the notebook cell named above it.",
            '"""',
            "",
            "__all__ = [" + ", ".join(repr(n) for n in names) + "]",
        ]
        for name, number, code in cells:
            lines += ["", "", f"# --- {name}, cell {number} ---", code]
        modules[f"{module}.py"] = formatted("\n".join(lines) + "\n", root)
    return modules


def formatted(code, root=ROOT):
    """`code` as ruff formats it, with the settings in `root`'s pyproject.toml (88
    characters a line)."""
    import subprocess

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--stdin-filename",
            "generated.py",
            "-",
        ],
        input=code,
        capture_output=True,
        text=True,
        cwd=root,
    )
    if result.returncode != 0:
        raise ExportError(
            f"ruff could not format the exported code: {result.stderr.strip()}"
        )
    return result.stdout


def format_chapters(root=ROOT):
    """Format every chapter's code cells with ruff, as `make format` does."""
    import subprocess

    subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--quiet", *map(str, chapters(root))],
        cwd=root,
        check=True,
    )


def generated_files(root=ROOT):
    """The modules in the package that say they are generated."""
    found = []
    for path in sorted((root / "backprop").glob("*.py")):
        with path.open(encoding="utf-8") as handle:
            if handle.readline().startswith(MARK):
                found.append(path)
    return found


def drift(root=ROOT):
    """What differs between the package and the notebooks: a list of messages, empty
    when they agree."""
    expected = render_modules(root)
    problems = []
    for path in generated_files(root):
        if path.name not in expected:
            problems.append(
                f"backprop/{path.name} is generated but no notebook exports to it "
                "any more"
            )
    for name, text in expected.items():
        path = root / "backprop" / name
        if not path.exists():
            problems.append(f"backprop/{name} is missing: run `make export`")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(
                f"backprop/{name} differs from its notebook: edit the notebook, "
                "then run `make export`"
            )
    return problems


def export(root=ROOT):
    """Write every generated module and delete those no notebook exports to; returns
    the names written."""
    modules = render_modules(root)
    for path in generated_files(root):
        if path.name not in modules:
            path.unlink()
    for name, text in modules.items():
        (root / "backprop" / name).write_text(text, encoding="utf-8")
    return sorted(modules)


WIDGET_FALLBACK = (
    "Run this cell to use the explorer: its controls need a running kernel."
)


def merged_streams(outputs):
    """The outputs with each run of consecutive stream outputs of one name (stdout,
    stderr) merged into one: how many pieces a kernel sends depends on timing, and
    the saved notebook should not."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous["name"] == output["name"]
        ):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def execute(paths, timeout=600):
    """Run each notebook top to bottom in its own folder and save it with its
    outputs."""
    import nbformat
    from nbclient import NotebookClient

    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
        # Saved widget state would make the book load scripts from CDNs, and a widget
        # without a kernel does
        # nothing anyway: keep the widget views in the outputs, drop their state.
        nb.metadata.pop("widgets", None)
        # What a front end shows for a widget when no kernel runs it (saved, untrusted).
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = merged_streams(cell.outputs)
            for output in cell.get("outputs", []):
                if "application/vnd.jupyter.widget-view+json" in output.get("data", {}):
                    output["data"]["text/plain"] = WIDGET_FALLBACK
        nbformat.write(nb, path)
        print(f"executed {path.relative_to(ROOT)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="report drift instead of writing"
    )
    parser.add_argument(
        "--execute",
        action="store_true",
        help="export, then re-run every chapter in place",
    )
    parser.add_argument(
        "only", nargs="*", type=Path, help="with --execute: run only these chapters"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = drift()
        print("\n".join(problems) or "backprop/ matches the notebooks")
        return 1 if problems else 0
    if args.execute:
        stamp_install_cells()
        stamp_figure_captions()
        format_chapters()
    print("exported " + ", ".join(f"backprop/{name}" for name in export()))
    if args.execute:
        execute([path.resolve() for path in args.only] or chapters())
    return 0


if __name__ == "__main__":
    sys.exit(main())
