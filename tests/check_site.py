"""Check the built book in a real headless browser, fully offline.

Usage (from the repository root, after `jupyter-book build .`):

    .venv/bin/python tests/check_site.py [--site _build/html] [--screenshots _build/screenshots]

Every HTML page of the book is opened in Debian's Chromium (driven by Playwright)
from a local web server, in a 1280-pixel-wide window. A page fails if it has a
JavaScript error, a console error, a request that leaves 127.0.0.1 or gets an HTTP
error, an image that did not load, maths that MathJax did not typeset (or typeset
with a TeX error), or a code cell whose lines do not fit (it scrolls sideways).
A full-page screenshot of each page is saved.

Every page is also checked for accessibility by axe-core (bundled by axe-playwright-python, runs offline), in
the theme's light and dark modes: a critical or serious violation fails the page; moderate and minor ones are
reported. A screenshot of one chapter in dark mode is saved next to its light one.

Exit status: 0 if all pages pass, 1 if any fails, 2 if there is no built site.
"""
import argparse
import functools
import http.server
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Nothing but the local server resolves, so a stray CDN link cannot get out.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SKIP_FILES = {"genindex.html", "search.html", "py-modindex.html"}
SKIP_DIRS = {"_static", "_sources", "_images", "_modules"}
MATHJAX_TIMEOUT_MS = 20_000
MODES = ("light", "dark")  # the book theme's colour modes, chosen through localStorage["mode"]
FAILING_IMPACTS = {"critical", "serious"}
WORKERS = 2  # browsers checking pages side by side (axe-core's contrast rule takes seconds a page)
# Light mode gets every rule; dark mode changes only colours, so it gets the contrast rule alone.
AXE_OPTIONS = {"light": {}, "dark": {"runOnly": {"type": "rule", "values": ["color-contrast"]}}}
DARK_SCREENSHOT = "chapters/05_output_signals.html"  # one chapter shown in both modes

# Runs in the page: wait for MathJax's first typesetting (startup.promise resolves
# after it), or give up after the timeout. Returns false if MathJax never loaded.
WAIT_FOR_MATHJAX = """async (timeout) => {
    const deadline = Date.now() + timeout;
    while (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) {
        if (Date.now() > deadline) return false;
        await new Promise(r => setTimeout(r, 100));
    }
    const timer = new Promise(r => setTimeout(() => r(false), deadline - Date.now()));
    return Promise.race([MathJax.startup.promise.then(() => true), timer]);
}"""


def list_pages(site):
    """Paths (relative, with /) of the book's HTML pages, sorted."""
    pages = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site)
        if rel.parts[0] in SKIP_DIRS or rel.as_posix() in SKIP_FILES:
            continue
        pages.append(rel.as_posix())
    return sorted(pages)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # e.g. the browser closing a connection early; the page checks see real failures


def serve(site):
    """Serve `site` on 127.0.0.1 on a free port in a background thread."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def launch_settings():
    """Repository URL, branch and Binder/Colab hosts from _config.yml: the one setting the README documents."""
    import yaml

    config = yaml.safe_load((Path(__file__).resolve().parent.parent / "_config.yml").read_text())
    repository = config["repository"]["url"].rstrip("/")
    return (urlsplit(repository).path.strip("/"), config["repository"].get("branch", "main"),
            config["launch_buttons"]["binderhub_url"].rstrip("/"), config["launch_buttons"]["colab_url"].rstrip("/"))


def check_launch_links(page, rel, base_url):
    """A chapter page built from a notebook offers Binder, Colab and .ipynb download links for that notebook."""
    notebook = rel[:-len(".html")] + ".ipynb"
    if rel == "index.html" or not page.evaluate(f"() => !!document.querySelector('a[href$=\"{notebook}\"]')"):
        return []  # not a notebook page
    owner_repo, branch, binder, colab = launch_settings()
    expected = {"Binder": f"{binder}/v2/gh/{owner_repo}/{branch}?urlpath=lab/tree/{notebook}",
                "Colab": f"{colab}/github/{owner_repo}/blob/{branch}/{notebook}"}
    links = page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    problems = [f"no {name} link to {url}" for name, url in expected.items() if url not in links]
    download = next((link for link in links if link and link.endswith("_sources/" + notebook)), None)
    if download is None:
        problems.append(f"no .ipynb download link for {notebook}")
    else:
        response = page.request.get(base_url + "_sources/" + notebook)
        if not (response.ok and response.json().get("nbformat") == 4):
            problems.append(f".ipynb download of {notebook} failed (HTTP {response.status})")
    return problems


def accessibility(page, options=None):
    """axe-core's violations on the page as loaded: a list of (impact, rule id, number of elements, help and the
    first elements)."""
    # No preload: axe would fetch the stylesheets again, resolving their @imports against the wrong folder.
    results = Axe().run(page, options={"preload": False, "resultTypes": ["violations"], **(options or {})})
    return [(v["impact"], v["id"], len(v["nodes"]), v["help"] + ": " + ", ".join(
        str(node["target"][0]) for node in v["nodes"][:3])) for v in results.response["violations"]]


SET_MODE = """mode => {
    localStorage.setItem('mode', mode);
    document.documentElement.dataset.mode = mode;
    document.documentElement.dataset.theme = mode;
}"""


def check_accessibility(page, rel, screenshots):
    """Run axe-core on the loaded page in each colour mode (switched in place, as the theme's button does);
    return (problems, notes) as lists of strings."""
    problems, notes = [], []
    for mode in MODES:
        page.evaluate(SET_MODE, mode)
        page.wait_for_timeout(500)  # let the theme's colour transitions finish
        for impact, rule, count, help_text in accessibility(page, AXE_OPTIONS[mode]):
            line = f"{mode}: {impact} {rule} ({count} element{'s' * (count > 1)}: {help_text})"
            (problems if impact in FAILING_IMPACTS else notes).append(line)
        if rel == DARK_SCREENSHOT and mode == "dark":
            page.screenshot(path=screenshots / (rel.replace("/", "_")[:-len(".html")] + "-dark.png"),
                            full_page=True)
    page.evaluate(SET_MODE, MODES[0])
    return problems, notes


def watch(page, problems):
    """Keep the page offline and record what goes wrong in `problems`: any request that is not to 127.0.0.1 is
    aborted and recorded, and so is every uncaught JavaScript error."""

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            problems.append(f"request to {route.request.url} blocked")
            route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda err: problems.append(f"JS error: {err}"))


def check_page(context, base_url, rel, screenshots):
    """Open one page; return (problems, accessibility notes, maths count, images count, final url)."""
    problems, notes = [], []
    page = context.new_page()
    watch(page, problems)
    page.on("console", lambda msg: msg.type == "error"
            and problems.append(f"console error: {msg.text}"))
    page.on("response", lambda resp: resp.status >= 400
            and problems.append(f"HTTP {resp.status} for {resp.url}"))
    try:
        # networkidle also lets a meta-refresh redirect (index.html) finish.
        page.goto(base_url + rel, wait_until="networkidle")

        # Images: make lazy ones eager, scroll to the bottom, wait for them to settle.
        page.evaluate("""() => {
            document.querySelectorAll('img').forEach(img => { img.loading = 'eager'; });
            window.scrollTo(0, document.body.scrollHeight);
        }""")
        try:
            page.wait_for_function("[...document.images].every(img => img.complete)", timeout=10_000)
        except PlaywrightError:
            pass  # the ones still loading are counted as broken below
        images, broken = page.evaluate("""() => {
            const imgs = [...document.querySelectorAll('img')];
            const bad = imgs.filter(img => !(img.complete && img.naturalWidth > 0));
            return [imgs.length, bad.map(img => img.getAttribute('src'))];
        }""")
        if broken:
            problems.append(f"{len(broken)} images not loaded: {', '.join(broken)}")

        problems += check_launch_links(page, rel, base_url)

        # Code that fits: no code cell scrolls sideways (ruff keeps lines to 88 characters, _static/code.css
        # sizes the font so that 88 fit the column).
        cut = page.evaluate("""() => [...document.querySelectorAll('div.cell_input pre')]
            .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
            .map(pre => pre.innerText.split('\\n').reduce((a, b) => b.length > a.length ? b : a, ''))""")
        if cut:
            problems.append(f"{len(cut)} code cells scroll sideways, e.g. {cut[0][:60]!r}")

        # Maths: every .math element must hold an mjx-container once MathJax is done.
        maths = page.locator(".math").count()
        if maths:
            if not page.evaluate(WAIT_FOR_MATHJAX, MATHJAX_TIMEOUT_MS):
                problems.append(f"{maths} maths elements but MathJax did not load or finish")
            untypeset = page.evaluate("""() => [...document.querySelectorAll('.math')]
                .filter(el => !el.querySelector('mjx-container')).length""")
            if untypeset:
                problems.append(f"{untypeset} maths elements not typeset")
            # Typeset is not enough: MathJax shows TeX errors in a box and undefined macros in red.
            tex_errors = page.evaluate("""() => [...document.querySelectorAll(
                    'mjx-assistive-mml merror, mjx-assistive-mml mtext[mathcolor="red"]')]
                .map(el => el.getAttribute('data-mjx-error') || 'undefined ' + el.textContent)""")
            if tex_errors:
                problems.append(f"{len(tex_errors)} TeX errors: {', '.join(tex_errors)}")

        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=screenshots / (rel.replace("/", "_")[:-len(".html")] + ".png"),
                        full_page=True)
        final_url = page.url
        if final_url == base_url + rel:  # a redirect page has nothing to read
            found, notes = check_accessibility(page, rel, screenshots)
            problems += found
    except PlaywrightError as err:
        problems.append(f"browser error: {err.message.splitlines()[0]}")
        images = maths = 0
        final_url = page.url
    finally:
        page.close()
    return problems, notes, maths, images, final_url


def check_pages(pages, base_url, screenshots):
    """Check some pages in a browser of their own: {page: check_page's result}. Each worker thread calls this
    (Playwright's synchronous API wants one instance per thread)."""
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        for rel in pages:
            results[rel] = check_page(context, base_url, rel, screenshots)
        browser.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="_build/html", type=Path)
    parser.add_argument("--screenshots", default="_build/screenshots", type=Path)
    args = parser.parse_args()
    if not args.site.is_dir():
        print(f"error: site directory {args.site} does not exist; build the book first "
              "(.venv/bin/jupyter-book build . -W -n --keep-going)", file=sys.stderr)
        return 2
    args.screenshots.mkdir(parents=True, exist_ok=True)

    start = time.monotonic()
    pages = list_pages(args.site)
    if not pages:
        print(f"error: no pages found in {args.site}; did the book build fail?", file=sys.stderr)
        return 2
    server = serve(args.site.resolve())
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    failed = 0
    results = {}
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda share: results.update(check_pages(share, base_url, args.screenshots)),
                      [pages[k::WORKERS] for k in range(WORKERS)]))
    noted = 0
    for rel in pages:
        problems, notes, maths, images, final_url = results[rel]
        noted += len(notes)
        for note in notes:
            print(f"note {rel}: {note}", flush=True)
        # index.html only redirects (meta refresh) to the first chapter; say so.
        moved = "" if final_url == base_url + rel else f"redirects to {final_url[len(base_url):]}"
        if problems:
            failed += 1
            print(f"FAIL {rel}{f' ({moved})' if moved else ''} : {'; '.join(problems)}", flush=True)
        else:
            print(f"ok   {rel}  (maths {maths}, images {images}{f', {moved}' if moved else ''})", flush=True)
    server.shutdown()
    print(f"{len(pages)} pages checked, {failed} failed, {noted} moderate or minor accessibility findings noted "
          f"({time.monotonic() - start:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
