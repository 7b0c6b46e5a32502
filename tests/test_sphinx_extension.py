"""The book's local Sphinx extension (backprop/_sphinx.py) on a tiny MyST project: hidden gated solutions, markers."""

import pytest
from sphinx.cmd.build import build_main

PAGE = """# A page

```{exercise} Add
:label: ex-add

Write `add`.
```

```{solution-start} ex-add
:class: dropdown
```

The worked answer.

```python
def add(a, b):
    ### BEGIN SOLUTION
    return a + b
    ### END SOLUTION
```

```{solution-end}
```

```python
assert add(1, 2) == 3  # the check students keep
```
"""


def build(tmp_path, hide):
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinx_exercise', 'backprop._sphinx']\n"
        f"hide_solutions = {hide}\nexclude_patterns = ['_build']\n")
    (source / "index.md").write_text(PAGE)
    out = tmp_path / "html"
    assert build_main(["-q", "-W", "-b", "html", str(source), str(out)]) == 0
    return (out / "index.html").read_text()


@pytest.mark.parametrize("hide", [False, True])
def test_gated_solutions_build_and_markers_never_show(tmp_path, hide):
    page = build(tmp_path, hide)
    assert "Write" in page and "the check students keep" in page
    assert "BEGIN SOLUTION" not in page and "END SOLUTION" not in page
    if hide:
        assert "The worked answer" not in page and "a</span> <span class=\"o\">+</span>" not in page
        assert "solution" not in page.split("<body")[1].lower().replace("hide_solutions", "")
    else:
        assert "The worked answer" in page and 'class="solution dropdown' in page
