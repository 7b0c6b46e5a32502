"""A local Sphinx extension for the book (kept by hand; not part of the course package's API).

Sphinx 7, which Jupyter Book 1 requires, writes some inline scripts twice on every page; in a browser the second
copy of ``const THEBE_JS_URL = ...`` throws "Identifier 'THEBE_JS_URL' has already been declared" (fixed upstream
only in Sphinx 8). This drops every script that is exactly the same as one before it on the page.
"""


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """html-page-context handler: keep the first of each set of identical script entries."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # An inline script is registered once with filename None and once with '': compare what is written.
        filename = getattr(script, "filename", script) or ""
        key = (str(filename), tuple(sorted((str(k), str(v)) for k, v in getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
