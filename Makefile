# Backprop, derived — the commands of the course. `make book` and `make test` are all a fresh clone needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

.PHONY: help setup book book-student student assign autograde feedback scores test numerics check-site check-lab bench format export \
	notebooks lab clean

help:
	@echo "make book       set up .venv, build the book into _build/html (zero warnings allowed)"
	@echo "make test       set up .venv, run the unit tests and re-run every chapter under nbval"
	@echo "make numerics   re-run every chapter under nbval with other BLAS kernels, numpy SIMD off, 1 and 2 threads, nudged"
	@echo "make check-site open every page of the built book in headless Chromium, offline (needs /usr/bin/chromium)"
	@echo "make check-lab  run two chapters and a student notebook in JupyterLab in headless Chromium, offline"
	@echo "make student    write the student edition (nbgrader: stubs, no solutions, no outputs) into student/"
	@echo "make book-student  build the book without solutions into _build/student-book/_build/html"
	@echo "make assign     (instructors) create the gradebook and release/ folder of the assignment 'chapters'"
	@echo "make autograde  (instructors) grade every notebook in submitted/<student>/chapters/"
	@echo "make feedback   (instructors) write each student's graded notebooks as HTML into feedback/"
	@echo "make scores     (instructors) print every student's score per chapter"
	@echo "make bench      time a training step against PyTorch CPU and the matrix-product floor"
	@echo "make export     write backprop/ from the chapters' '#| export' cells"
	@echo "make format     format the chapters' code cells and the package with ruff (88 characters a line)"
	@echo "make notebooks  format, export, then re-execute every chapter in place, in book order (after editing one)"
	@echo "make lab        open the chapters in JupyterLab"
	@echo "make clean      remove the built book"

# The virtual environment, rebuilt when the requirements change.
$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

setup: $(READY)

book: $(READY)
	$(BIN)/jupyter-book build . -W -n --keep-going

# The student edition of every chapter: nbgrader replaces solutions by stubs, clears outputs and keeps the tests;
# the worked solutions of the book's dropdowns are dropped too (backprop/_nbgrader.py).
student: $(READY)
	$(NBGRADER) generate_assignment chapters --force --no-db

# The book with every solution hidden (sphinx-exercise's hide_solutions, made to work with gated solutions by
# backprop/_sphinx.py), from a copy of _config.yml, with no source download and no launch buttons (they would serve
# the full notebooks).
book-student: $(READY)
	mkdir -p _build
	$(BIN)/python -c "from backprop._nbgrader import write_student_book_config; write_student_book_config()"
	$(BIN)/jupyter-book build . -W -n --keep-going --config _build/student_config.yml --path-output _build/student-book

# Grading with nbgrader (see the instructor's guide). nbgrader runs the `alembic` of the venv to create its database,
# so the venv's bin/ goes first on the PATH.
NBGRADER := PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/nbgrader

assign: $(READY)
	$(NBGRADER) generate_assignment chapters --force

autograde: $(READY)
	$(NBGRADER) autograde chapters --force

feedback: $(READY)
	$(NBGRADER) generate_feedback chapters --force

scores: $(READY)
	$(BIN)/python -c "from backprop._nbgrader import print_scores; print_scores()"

test: $(READY)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Every chapter under nbval in other numerical environments this CPU can emulate (tests/numerical_environments.py):
# the printed outputs must not depend on the BLAS kernel, numpy's SIMD paths or the thread count.
numerics: $(READY)
	$(BIN)/python tests/numerical_environments.py

# Every page of _build/html in Debian's Chromium, offline: maths typeset, images loaded, no JavaScript errors, no
# request leaving 127.0.0.1. Screenshots go to _build/screenshots/. Install the browser with `apt-get install chromium`.
check-site: $(READY)
	$(BIN)/python tests/check_site.py --site _build/html --screenshots _build/screenshots

# Two chapters and one student notebook run in a real JupyterLab (with jupyterlab-myst) in headless Chromium, offline.
check-lab: student
	$(BIN)/python tests/check_lab.py --screenshots _build/lab-screenshots

# The speed benchmark against PyTorch CPU (install it first: .venv/bin/pip install -r benchmarks/requirements.txt).
bench: $(READY)
	$(BIN)/python benchmarks/bench.py

export: $(READY)
	$(BIN)/python backprop/_export.py

# ruff formats the chapters' code cells and the package to the book's code column (88 characters).
format: $(READY)
	$(BIN)/ruff format chapters backprop

notebooks: $(READY)
	$(BIN)/python backprop/_export.py --execute

lab: $(READY)
	$(BIN)/jupyter lab chapters/

clean:
	rm -rf _build
