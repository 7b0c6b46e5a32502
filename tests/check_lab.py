"""Check the notebooks in a real JupyterLab, in headless Chromium, fully offline.

Usage (from the repository root, after `make student`):

    .venv/bin/python tests/check_lab.py [--screenshots _build/lab-screenshots]

JupyterLab (with jupyterlab-myst, as pinned in requirements.txt) serves copies of two chapters and of one chapter of
the student edition from a temporary directory, so the repository's notebooks are never touched. In each notebook
the check clicks Run > Run All Cells, as a student would, waits for the kernel to finish, saves, and then requires:

- no cell ends in an error; in the student notebook, the only error is the check of the first untouched stub, and it
  says what to do;
- every Markdown cell is rendered by jupyterlab-myst, every formula typeset by KaTeX without error, no MyST source
  shows as text in a rendered Markdown cell (no directive fences, roles or `:class:` options), and
  every exercise renders with its title (in the chapters, jupyterlab-myst's exercise box; in the student edition, a
  plain "Exercise c.n: Title" heading);
- the chapter's explorer renders, and choosing another value in its dropdown redraws its figure;
- no request leaves 127.0.0.1 and the page throws no JavaScript error.

A third chapter is opened without running it, as it arrives (untrusted): its explorer's stored output must say to
run the cell, and its animation must show a still frame with a note rather than a broken image.

Screenshots of an exercise, a solution, the explorer and the still frame are saved. Exit status: 0 if every notebook passes, 1 if one
fails, 2 if the student edition is missing.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from check_site import CHROMIUM, CHROMIUM_ARGS, watch

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ["05_output_signals.ipynb", "07_hidden_signals.ipynb"]
STUDENT = "05_output_signals.ipynb"
UNRUN = "08_training.ipynb"  # opened, not run: its stored outputs must make sense in an untrusted notebook
WIDGET_FALLBACK = "Run this cell to use the explorer"
STILL_NOTE = "The last frame. Run this cell to play the animation"
TOKEN = "check-lab"
RUN_TIMEOUT_S = 300
STUB_MESSAGE = "write your answer here"
# Text that only shows when a Markdown cell's MyST was not rendered.
RAW_MYST = ["```{", ":::{", "{eq}`", "{ref}`", "{numref}`", ":class:", ":label:", "{solution", "{exercise"]
# JupyterLab settings for the check: render every cell (no lazy windowing, so every cell can be read), no news pop-up.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(root, scratch):
    """Start JupyterLab on `root` with private settings; return (process, base URL)."""
    settings = scratch / "settings"
    for name, value in SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(scratch / "config"), JUPYTER_RUNTIME_DIR=str(scratch / "runtime"))
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--allow-root",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}",
               f"--ServerApp.root_dir={root}", f"--LabApp.user_settings_dir={settings}",
               f"--LabApp.workspaces_dir={scratch / 'workspaces'}", "--LabApp.news_url=",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = open(scratch / "jupyterlab.log", "w")
    # Started in `root`, so the repository's nbgrader_config.py is not picked up.
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"JupyterLab did not start; see {scratch / 'jupyterlab.log'}")


def status_bar(page):
    return page.locator("#jp-main-statusbar").inner_text()


def run_all(page):
    """Wait for an idle kernel, click Run > Run All Cells, wait until every code cell has run, save."""
    # Run All clicked while the kernel is still connecting runs nothing, silently.
    page.wait_for_function("() => document.querySelector('#jp-main-statusbar')?.innerText.includes('Idle')",
                           timeout=60_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_function("""() => {
        const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.innerText);
        const busy = prompts.some(p => p.includes('*'));
        const started = prompts.some(p => /\\d/.test(p));
        return started && !busy && document.querySelector('#jp-main-statusbar').innerText.includes('Idle');
    }""", timeout=RUN_TIMEOUT_S * 1000, polling=500)
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.jp-mod-current.jp-mod-dirty')", timeout=30_000)


def errors_in(path):
    """(ename, evalue) of every error output in the saved notebook."""
    nb = json.loads(path.read_text())
    return [(o["ename"], o["evalue"]) for cell in nb["cells"] if cell["cell_type"] == "code"
            for o in cell.get("outputs", []) if o["output_type"] == "error"]


def check_markdown(page, student):
    """Problems with the rendered Markdown: MyST shown as source, or exercises without their titles."""
    problems = []
    # jupyterlab-myst renders a Markdown cell into a `.myst` element (JupyterLab alone: `.jp-RenderedMarkdown`).
    texts = page.evaluate("() => [...document.querySelectorAll('.jp-MarkdownCell .myst')].map(el => el.innerText)")
    cells = page.locator(".jp-MarkdownCell").count()
    if not texts or len(texts) != cells:
        return [f"{len(texts)} of {cells} Markdown cells rendered by jupyterlab-myst"]
    maths = page.locator(".jp-MarkdownCell .katex").count()
    broken = page.evaluate("() => [...document.querySelectorAll('.jp-MarkdownCell .katex-error')].map(e => e.title)")
    if not maths or broken:
        problems.append(f"{maths} formulas rendered, {len(broken)} with KaTeX errors: {broken[:3]}")
    for text in texts:
        shown = [raw for raw in RAW_MYST if raw in text]
        if shown:
            problems.append(f"MyST source shown as text ({', '.join(shown)}): {text.strip()[:80]!r}")
    if student:
        titles = page.evaluate("() => [...document.querySelectorAll('.jp-MarkdownCell h4')].map(h => h.innerText)")
        exercises = [t for t in titles if t.startswith("Exercise ")]
        if not exercises or any(":" not in t or not t.split(":", 1)[1].strip() for t in exercises):
            problems.append(f"student edition: exercise headings {exercises} (expected 'Exercise c.n: Title')")
    else:
        titles = [t for t in texts if t.lstrip().startswith("Exercise ")]
        # jupyterlab-myst renders `{exercise} Title` as a box headed "Exercise n (Title)".
        if not titles or any("(" not in t.splitlines()[0] for t in titles):
            problems.append(f"exercises without a title: {[t.splitlines()[0] for t in titles]}")
    return problems


def check_explorer(page):
    """The explorer renders; choosing another entry of its dropdown redraws the figure in its output."""
    explorer = page.locator(".widget-interact").first
    if explorer.count() == 0:
        return ["no explorer (.widget-interact) rendered"]
    image = explorer.locator(".jp-OutputArea-output img").first
    image.wait_for(timeout=30_000)
    before = image.get_attribute("src")
    select = explorer.locator("select").first
    options = select.locator("option").all_inner_texts()
    select.select_option(index=1 if select.input_value() != options[1] else 0)
    try:
        page.wait_for_function("([el, before]) => { const img = el.querySelector('.jp-OutputArea-output img');"
                               " return img && img.src !== before; }", arg=[explorer.element_handle(), before],
                               timeout=30_000)
    except PlaywrightError:
        return ["the explorer did not redraw after choosing another entry"]
    return []


def screenshot(page, pattern, path):
    """Screenshot the first cell whose rendered text matches the regular expression `pattern` (case matters)."""
    cell = page.locator(".jp-Cell", has_text=re.compile(pattern)).first
    cell.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # let the notebook finish scrolling
    cell.screenshot(path=path)


def check_notebook(context, base_url, root, name, student, screenshots):
    problems = []
    page = context.new_page()
    watch(page, problems)
    label = ("student/" if student else "") + name
    try:
        page.goto(f"{base_url}/lab/tree/{label}?token={TOKEN}&reset")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        start = time.monotonic()
        run_all(page)
        seconds = time.monotonic() - start
        errors = errors_in(root / label)
        if student:
            # Run All stops at the first stub: its error must say what to do, and nothing may fail before it.
            if len(errors) != 1 or "NotImplementedError" not in errors[0][1] or STUB_MESSAGE not in errors[0][1]:
                problems.append(f"expected one NotImplementedError saying {STUB_MESSAGE!r}, got {errors}")
        elif errors:
            problems.append(f"errors: {errors}")
        problems += check_markdown(page, student)
        problems += check_explorer(page)
        stem = label.replace("/", "_")[:-len(".ipynb")]
        screenshot(page, r"Exercise\s*\d+(\.\d+:|\s*\()", screenshots / f"{stem}-exercise.png")
        if not student:
            screenshot(page, r"Solution to\s*Exercise", screenshots / f"{stem}-solution.png")
        page.locator(".widget-interact").first.screenshot(path=screenshots / f"{stem}-explorer.png")
    except PlaywrightError as err:
        problems.append(f"browser error: {err.message.splitlines()[0]}")
        seconds = float("nan")
    finally:
        page.close()
    return problems, seconds


def check_stored_outputs(context, base_url, screenshots):
    """Open UNRUN without running it: the widget's saved output and the animation's still frame make sense."""
    problems = []
    page = context.new_page()
    watch(page, problems)
    try:
        page.goto(f"{base_url}/lab/tree/{UNRUN}?token={TOKEN}&reset")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        outputs = page.locator(".jp-OutputArea-output")
        outputs.first.wait_for(timeout=30_000)
        if outputs.filter(has_text=WIDGET_FALLBACK).count() == 0:
            problems.append(f"no explorer output saying {WIDGET_FALLBACK!r}")
        still = page.locator(".jp-OutputArea-output", has_text=STILL_NOTE).first
        if still.count() == 0:
            problems.append(f"no note {STILL_NOTE!r} with the animation")
        else:
            frame = still.locator("img").first
            try:
                frame.wait_for(timeout=10_000)
                page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=frame.element_handle(),
                                       timeout=10_000)
            except PlaywrightError:
                problems.append("the animation's still frame is not shown")
            still.scroll_into_view_if_needed()
            page.wait_for_timeout(500)  # let the notebook finish scrolling
            still.screenshot(path=screenshots / f"{UNRUN[:-len('.ipynb')]}-still-frame.png")
    except PlaywrightError as err:
        problems.append(f"browser error: {err.message.splitlines()[0]}")
    finally:
        page.close()
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", default="_build/lab-screenshots", type=Path)
    args = parser.parse_args()
    student_source = ROOT / "student" / "chapters" / STUDENT
    if not student_source.exists():
        print(f"error: {student_source} is missing; run `make student` first", file=sys.stderr)
        return 2
    args.screenshots.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        root = scratch / "notebooks"
        (root / "student").mkdir(parents=True)
        for name in CHAPTERS + [UNRUN]:
            shutil.copy(ROOT / "chapters" / name, root / name)
        shutil.copy(student_source, root / "student" / STUDENT)
        lab, base_url = start_lab(root, scratch)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
                for name, student in [(name, False) for name in CHAPTERS] + [(STUDENT, True)]:
                    problems, seconds = check_notebook(context, base_url, root, name, student, args.screenshots)
                    label = ("student/" if student else "chapters/") + name
                    if problems:
                        failed += 1
                        print(f"FAIL {label}: {'; '.join(problems)}", flush=True)
                    else:
                        print(f"ok   {label}  (run all in {seconds:.0f} s)", flush=True)
                problems = check_stored_outputs(context, base_url, args.screenshots)
                if problems:
                    failed += 1
                    print(f"FAIL chapters/{UNRUN} (not run): {'; '.join(problems)}", flush=True)
                else:
                    print(f"ok   chapters/{UNRUN}  (not run: the explorer says to run it, the animation shows a "
                          "still frame)", flush=True)
                browser.close()
        finally:
            lab.terminate()
            lab.wait(timeout=30)
    print(f"{len(CHAPTERS) + 2} notebooks checked in JupyterLab, {failed} failed ({time.monotonic() - start:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
