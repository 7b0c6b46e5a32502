"""The checks behind the book's graded exercises (kept by hand; not part of the
course's API).

Each chapter's graded test cell calls ``check(exercise, answer)`` on a visible case,
which the student can use while working, and, inside nbgrader's hidden-test block,
``check(exercise, answer, hidden=True)`` on cases drawn afresh at grading time (new
entropy on every run: other shapes, one item and batches, several arrays), so that no
answer fitted to the visible case can pass. Every check

- calls the answer on copies and fails if it changed one of its arguments;
- checks the type and shape of what comes back before using it (float64 numbers, not
  float32, not strings);
- where the exercise asks for a method, checks it: the function the answer should write
  itself refuses to run, whatever route the answer takes to it (its code object is
  swapped for the check), functions the method needs must be called (chapter 5), and
  loops must be loops (chapter 4, from the answer's syntax);
- compares with a reference computed by the package's own functions; a right answer
  passes there, and a wrong one is compared with the results of the classic mistakes,
  so that the message names the mistake instead of only saying "wrong".

Messages say what is wrong and where to look; none gives the solution.
``tests/graded/`` holds a catalogue of right and wrong answers, and
``tests/test_graded.py`` grades it through nbgrader.
"""

import ast
import contextlib
import copy
import inspect
import sys
import textwrap
import types

import numpy as np

__all__ = ["check", "EXERCISES"]


class Wrong(AssertionError):
    """A graded answer is wrong: the message names the mistake."""


# --- helpers shared by every exercise -------------------------------------------------


def _rng(hidden):
    """The visible cases come from a fixed seed; the hidden ones from fresh entropy,
    different on every run."""
    return np.random.default_rng(None if hidden else 2024)


def _same(a, b):
    """a and b hold the same values (arrays, lists of arrays, tuples, networks),
    exactly."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.shape(a) == np.shape(b) and np.array_equal(
            np.asarray(a), np.asarray(b), equal_nan=True
        )
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if hasattr(a, "weights") and hasattr(a, "biases"):
        return _same(a.weights, b.weights) and _same(a.biases, b.biases)
    return a is b or a == b


def _call(answer, name, arguments, where):
    """The answer's result on copies of the arguments; fails if it changed one, or if it
    raised."""
    kept = {label: copy.deepcopy(value) for label, value in arguments.items()}
    given = {label: copy.deepcopy(value) for label, value in arguments.items()}
    try:
        result = answer(*given.values())
    except Wrong:
        raise
    except Exception as problem:
        # the student's code failed: say where, keep numpy's words
        raise Wrong(
            f"{name} raised {type(problem).__name__} {where}: {problem}"
        ) from problem
    for label in arguments:
        if not _same(given[label], kept[label]):
            raise Wrong(
                f"{name} changed its argument `{label}` {where}: it must leave what it "
                "is given unchanged (an in-place operation such as `+=`, `-=`, `/=` or "
                "`*=` on an argument, or on a view of one, writes into the caller's "
                "array; work on a new array instead)"
            )
    return result


def _array(value, name, where):
    """The answer's result as a float64 array, or a clear message if it is not float64
    numbers."""
    raw = value if isinstance(value, np.ndarray) else None
    try:
        as_given = np.asarray(value)
        if as_given.dtype.kind in "USO" and any(
            isinstance(v, (str, bytes)) for v in as_given.ravel()
        ):
            raise TypeError
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(
            f"{name} should return numbers {where}, not {type(value).__name__} "
            f"({str(value)[:40]})"
        ) from None
    if raw is not None and raw.dtype in (np.float32, np.float16):
        raise Wrong(
            f"{name} returns {raw.dtype} numbers {where}: the book computes in float64 "
            f"(the default of np.zeros, np.array of floats, ...); {raw.dtype} keeps "
            "only a few digits"
        )
    return array


def _pair(value, name, where):
    """The answer's result as a pair (g_w, g_b), checked before unpacking."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        what = (
            f"a {type(value).__name__} of length {len(value)}"
            if isinstance(value, (tuple, list))
            else type(value).__name__
        )
        raise Wrong(f"{name} should return the pair (g_w, g_b) {where}, not {what}")
    return _array(value[0], name, where), _array(value[1], name, where)


def _close(a, b, rtol=1e-9, atol=1e-12):
    return np.shape(a) == np.shape(b) and bool(np.allclose(a, b, rtol=rtol, atol=atol))


@contextlib.contextmanager
def _instrumented(hooks):
    """Within the block, each function in `hooks` (a dict function -> hook) runs
    hook(original, *args, **kwargs).

    The function's code object is swapped, so every route to it is caught: its name, an
    alias, a default argument, functools.partial, another module's import of it.
    """
    saved = []
    for number, (function, hook) in enumerate(hooks.items()):
        original = types.FunctionType(
            function.__code__,
            function.__globals__,
            function.__name__,
            function.__defaults__,
            function.__closure__,
        )
        original.__kwdefaults__ = function.__kwdefaults__
        name = f"_grading_hook_{number}_{function.__name__}"
        namespace = {}
        exec(
            f"def {function.__name__}(*args, **kwargs):\n"
            f"    return {name}(*args, **kwargs)\n",
            {},
            namespace,
        )
        saved.append((function, function.__code__, name))
        function.__globals__[name] = (
            lambda *args, _hook=hook, _original=original, **kwargs: _hook(
                _original, *args, **kwargs
            )
        )
        function.__code__ = namespace[function.__name__].__code__
    try:
        yield
    finally:
        for function, code, name in saved:
            function.__code__ = code
            function.__globals__.pop(name, None)


def _own(answer, name):
    """The function the answer's own namespace calls `name` (in a chapter, the one the
    chapter defines), if any."""
    found = getattr(answer, "__globals__", {}).get(name)
    return found if isinstance(found, types.FunctionType) else None


def _refuse(names, exercise, answer):
    """Hooks that make the functions `names` (and the private kernels behind them)
    refuse to run: the package's, and those of the answer's own namespace (a chapter
    defines them itself)."""
    import backprop  # noqa: F401 (loads the modules below)

    # by sys.modules: the package's attributes `backward` and `output_signals` are the
    # functions, not the modules
    modules = [
        sys.modules[f"backprop.{name}"]
        for name in ("backward", "gradients", "output_signals")
    ]
    hooks = {}
    for name in names:

        def refused(original, *args, _name=name, **kwargs):
            raise Wrong(
                "the exercise asks you to compute this yourself, without calling "
                f"`{_name}` ({exercise})"
            )

        for candidate in (name, f"_{name}"):
            for function in [getattr(module, candidate, None) for module in modules] + [
                _own(answer, candidate)
            ]:
                if isinstance(function, types.FunctionType):
                    hooks[function] = refused
    return hooks


def _counting(calls, names, answer):
    """Hooks that count in `calls` (a dict name -> count) the calls of the functions
    `names`: the package's, and those of the answer's own namespace."""
    import backprop

    def counter(name):
        def count(original, *args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return original(*args, **kwargs)

        return count

    hooks = {}
    for name in names:
        for function in (getattr(backprop, name), _own(answer, name)):
            if isinstance(function, types.FunctionType):
                hooks[function] = counter(name)
    return hooks


MATRIX_PRODUCTS = {
    "dot",
    "matmul",
    "einsum",
    "outer",
    "tensordot",
    "inner",
    "kron",
    "vdot",
}


def _loops_only(answer):
    """None if the answer computes with Python loops and no matrix product, else what it
    does instead."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(answer)))
    except (OSError, TypeError, SyntaxError):
        return "its source cannot be read: define it with def, in the answer cell"
    nodes = list(ast.walk(tree))
    if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult) for n in nodes):
        return "it uses the matrix product @"
    for n in nodes:
        if isinstance(n, ast.Call):
            called = (
                n.func.attr
                if isinstance(n.func, ast.Attribute)
                else getattr(n.func, "id", "")
            )
            if called in MATRIX_PRODUCTS:
                return f"it calls {called}"
    if not any(isinstance(n, (ast.For, ast.While, ast.comprehension)) for n in nodes):
        return "it has no loop"
    return None


# --- chapter 1: item_errors(T, O) -----------------------------------------------------


def _item_errors(answer, hidden):
    from backprop import cross_entropy, softmax

    rng = _rng(hidden)
    shapes = (
        [(3, 2, 1.0, False)]
        if not hidden
        else [
            (1, 2, 1.0, False),
            (int(rng.integers(2, 7)), int(rng.integers(3, 6)), 1.0, False),
            (4, 4, 1.0, False),
            (5, 3, 4.0, False),
            (4, 3, 1.0, True),
        ]
    )
    batches = []
    for n_items, n_outputs, scale, soft in shapes:
        # scale 4: some targets get tiny probabilities
        O = softmax(scale * rng.normal(size=(n_items, n_outputs)))
        T = (
            softmax(rng.normal(size=(n_items, n_outputs)))
            if soft
            else np.eye(n_outputs)[rng.integers(n_outputs, size=n_items)]
        )
        batches.append((T, O, soft))
    if hidden:
        # Always targets given probabilities of 1e-4 and 2e-3: an answer that clips or
        # floors the outputs cannot pass by luck of the random draws.
        O = softmax(np.array([[-6.0, 0.0, 3.0], [2.0, -4.0, 0.5]]))
        batches.append((np.eye(3)[[0, 1]], O, False))
    for T, O, soft in batches:
        n_items, n_outputs = O.shape
        where = f"for a batch of {n_items} item(s) with {n_outputs} outputs" + (
            " and targets that are probabilities (not 0 and 1)" if soft else ""
        )
        got = _array(
            _call(answer, "item_errors", {"T": T, "O": O}, where), "item_errors", where
        )
        expected = np.array([cross_entropy(T[n], O[n]) for n in range(n_items)])
        if got.shape != expected.shape:
            hint = (
                "one value per output: sum each item's row (over its outputs), not "
                "each column"
                if got.shape == (n_outputs,)
                else (
                    "a single number: return one error per item, not their mean or "
                    "their sum"
                )
                if got.shape == ()
                else "one value per item (a 1-D array)"
            )
            raise Wrong(
                f"item_errors returned shape {got.shape} {where}, expected "
                f"({n_items},): {hint}"
            )
        if _close(got, expected):
            continue
        if _close(got, -expected):
            raise Wrong(
                f"wrong sign {where}: a cross-entropy is −Σ t ln o, never negative"
            )
        if _close(got, expected / n_outputs):
            raise Wrong(
                f"{where}: that is the mean over the outputs; an item's error is the "
                "sum over its outputs"
            )
        if _close(got, expected / np.log(10)):
            raise Wrong(
                f"{where}: that is the base-10 logarithm; cross-entropy uses the "
                "natural logarithm, np.log"
            )
        if n_items == n_outputs and _close(got, -np.sum(T * np.log(O), axis=0)):
            raise Wrong(
                f"{where}: that sums over the items (down each column); sum over each "
                "item's outputs"
            )
        raise Wrong(
            f"item_errors gives the wrong values {where}: compare one item's value "
            "with cross_entropy of that item alone"
        )


# --- chapter 2: bias_step(b, delta, eta) ----------------------------------------------


def _bias_step(answer, hidden):
    rng = _rng(hidden)
    cases = (
        [(np.array([0.1, -0.2]), np.array([1.0, -3.0]), 0.5)]
        if not hidden
        else [
            (
                rng.normal(size=k),
                scale * rng.normal(size=k),
                float(rng.uniform(0.01, 0.9)),
            )
            for k, scale in ((1, 1.0), (3, 1.0), (6, 10.0))
        ]
        # Always one large step (η δ up to 16): an answer that caps or clips the step
        # cannot pass by luck of the random draws.
        + [(rng.normal(size=4), np.array([20.0, -7.5, 0.3, -0.02]), 0.8)]
    )
    for b, delta, eta in cases:
        where = f"for {len(b)} bias(es) and η = {eta:.3g}"
        got = _array(
            _call(answer, "bias_step", {"b": b, "delta": delta, "eta": eta}, where),
            "bias_step",
            where,
        )
        if got.shape != b.shape:
            raise Wrong(
                f"bias_step returned shape {got.shape} {where}: expected one new bias "
                f"per node, {b.shape}"
            )
        if _close(got, b + eta * delta, rtol=1e-12):
            continue
        if _close(got, b - eta * delta):
            raise Wrong(
                f"wrong sign {where}: the book adds the delta, b + η δ (chapter 2)"
            )
        if _close(got, b + delta):
            raise Wrong(f"the learning rate is missing {where}: the delta is η δ")
        if _close(got, eta * delta):
            raise Wrong(
                f"{where}: that is the delta alone; return the new biases, b plus the "
                "delta"
            )
        if _close(got, b + eta**2 * delta) or _close(got, b + eta * delta**2):
            raise Wrong(f"{where}: something is squared; the delta is η δ")
        raise Wrong(
            f"bias_step gives the wrong values {where}: each bias moves by η times "
            "its node's signal"
        )


# --- chapter 3: forward_difference_gradient(E, params, step) --------------------------


def _forward_difference(answer, hidden):
    rng = _rng(hidden)
    if not hidden:
        cases = [([np.array([0.5, -1.0, 2.0])], 1e-2)]
    else:
        cases = [
            ([rng.normal(size=3)], 1e-3),
            ([rng.normal(size=(2, 3)), rng.normal(size=4)], 1e-3),
            (
                [np.asfortranarray(rng.normal(size=(3, 2)))],
                float(rng.uniform(1e-4, 1e-2)),
            ),
        ]
    for params, step in cases:
        # E reads these arrays: nudging a copy, or a new list entry, does not move E
        arrays = list(params)
        coefficients = [float(c) for c in rng.uniform(0.5, 2.0, size=len(params))]
        shapes = ", ".join(str(p.shape) for p in params)
        where = f"for params of shape(s) {shapes} and step {step:.3g}"
        original = [p.copy() for p in params]

        def E():
            return float(sum(c * np.sum(p**3) for c, p in zip(coefficients, arrays)))

        try:
            got = answer(E, params, step)
        except Exception as problem:
            raise Wrong(
                f"forward_difference_gradient raised {type(problem).__name__} {where}: "
                f"{problem}"
            ) from None
        if any(p is not q for p, q in zip(params, arrays)):
            raise Wrong(
                f"{where}: the list params was changed (an entry replaced by another "
                "array); nudge the entries of the arrays themselves, in place, then "
                "put them back"
            )
        if not all(
            np.allclose(p, q, rtol=1e-12, atol=1e-15) for p, q in zip(arrays, original)
        ):
            raise Wrong(
                f"{where}: the parameters are not back where they were; put every "
                "entry back after nudging it"
            )
        if not isinstance(got, (list, tuple)):
            raise Wrong(
                "forward_difference_gradient should return a list with one array per "
                f"array in params {where}, not {type(got).__name__}"
            )
        if len(got) != len(params):
            raise Wrong(
                f"{where}: got {len(got)} gradient(s) for {len(params)} array(s); "
                "return one per array (is the list started inside the loop over the "
                "arrays?)"
            )
        for p, c, g in zip(original, coefficients, got):
            g = _array(g, "forward_difference_gradient", where)
            if g.shape != p.shape:
                raise Wrong(
                    f"{where}: a gradient has shape {g.shape}; each is shaped like its "
                    f"array, {p.shape}"
                )
            # −[E(θ + ε) − E(θ)] / ε, exactly
            one_sided = -c * (3 * p**2 + 3 * p * step + step**2)
            if _close(g, one_sided, rtol=1e-6, atol=1e-9):
                continue
            if _close(g, -one_sided, rtol=1e-6):
                raise Wrong(f"wrong sign {where}: the book's gradient is −∂E/∂θ")
            if _close(g, -c * (3 * p**2 + step**2), rtol=1e-6):
                raise Wrong(
                    f"{where}: that is the central difference; this exercise asks for "
                    f"[E(θ + ε) − E(θ)] / ε"
                )
            if _close(g, one_sided * step, rtol=1e-6):
                raise Wrong(f"{where}: the difference is not divided by the step ε")
            if not np.any(g):
                raise Wrong(
                    f"{where}: every gradient is 0: E never saw the nudges (was a copy "
                    "of the array nudged? np.ravel and reshape copy arrays that are "
                    "not stored row by row; use array[index] or array.flat)"
                )
            hint = (
                " (for a 2-D array, nudge each entry, every index of its shape, not a "
                "whole row)"
                if p.ndim == 2
                else ""
            )
            raise Wrong(
                f"forward_difference_gradient gives the wrong values {where}{hint}"
            )


# --- chapter 4: weight_gradients_loops(signals, inputs) -------------------------------


def _weight_gradients_loops(answer, hidden):
    from backprop import weight_gradients

    instead = _loops_only(answer)
    if instead:
        raise Wrong(
            "weight_gradients_loops should use plain Python loops over items, inputs "
            f"and nodes, straight from the summary's sentence, but {instead}"
        )
    rng = _rng(hidden)
    shapes = (
        [(5, 2, 3)]
        if not hidden
        else [(1, 3, 2), (int(rng.integers(2, 8)), 4, 3), (6, 3, 3)]
    )
    for n_items, n_nodes, n_inputs in shapes:
        signals, inputs = (
            rng.normal(size=(n_items, n_nodes)),
            rng.normal(size=(n_items, n_inputs)),
        )
        where = f"for {n_items} item(s), {n_inputs} inputs and {n_nodes} nodes"
        with _instrumented(
            _refuse(
                ["weight_gradients"], "plain loops, from the summary's sentence", answer
            )
        ):
            result = _call(
                answer,
                "weight_gradients_loops",
                {"signals": signals, "inputs": inputs},
                where,
            )
        g_w, g_b = _pair(result, "weight_gradients_loops", where)
        w_ref, b_ref = weight_gradients(signals, inputs)
        if g_w.shape != w_ref.shape:
            hint = (
                "transposed: one row per input, one column per node"
                if g_w.shape == w_ref.shape[::-1]
                else "one row per input and one column per node"
            )
            raise Wrong(
                f"g_w has shape {g_w.shape} {where}, expected {w_ref.shape}: {hint}"
            )
        if g_b.shape != b_ref.shape:
            raise Wrong(
                f"g_b has shape {g_b.shape} {where}, expected {b_ref.shape}: one entry "
                "per node"
            )
        if not _close(g_w, w_ref):
            if n_items > 1 and _close(g_w, w_ref * n_items):
                raise Wrong(
                    f"{where}: that is the sum over items; the gradient of the batch "
                    "error is the mean"
                )
            if n_inputs == n_nodes and _close(g_w, w_ref.T):
                raise Wrong(
                    f"{where}: g_w is transposed; g_w[a, b] pairs input a with node b"
                )
            if _close(g_w, -w_ref):
                raise Wrong(
                    f"wrong sign {where}: a gradient is signal × input, with the "
                    "summary's sign"
                )
            raise Wrong(
                f"g_w is wrong {where}: check which input and which signal each "
                "weight's products pair, and the average over the items"
            )
        if not _close(g_b, b_ref):
            if n_items > 1 and _close(g_b, b_ref * n_items):
                raise Wrong(
                    f"g_b {where}: that is the sum over items; a bias's gradient is "
                    "its node's mean signal"
                )
            raise Wrong(
                f"g_b is wrong {where}: a bias's input is 1, so its gradient comes "
                "from its node's signals alone"
            )


# --- chapter 5: signals_by_jacobian(T, O, kind) ---------------------------------------


def _signals_by_jacobian(answer, hidden):
    from backprop import error_derivative, output_signals, softmax

    rng = _rng(hidden)
    shapes = (
        [(4, 3)]
        if not hidden
        else [(1, 2), (int(rng.integers(2, 7)), int(rng.integers(3, 6)))]
    )
    for n_items, n_outputs in shapes:
        O = softmax(rng.normal(size=(n_items, n_outputs)))
        T = np.eye(n_outputs)[rng.integers(n_outputs, size=n_items)]
        for kind in ("cross_entropy", "squared_error"):
            where = f"for kind={kind!r}, {n_items} item(s) and {n_outputs} outputs"
            calls = {}
            hooks = {
                **_refuse(
                    ["output_signals"],
                    "through the Jacobian, with error_derivative, softmax_jacobian "
                    "and np.einsum",
                    answer,
                ),
                **_counting(calls, ["error_derivative", "softmax_jacobian"], answer),
            }
            with _instrumented(hooks):
                result = _call(
                    answer, "signals_by_jacobian", {"T": T, "O": O, "kind": kind}, where
                )
            missing = [
                name
                for name in ("error_derivative", "softmax_jacobian")
                if not calls.get(name)
            ]
            if missing:
                raise Wrong(
                    f"signals_by_jacobian never calls {' or '.join(missing)} {where}: "
                    "the exercise asks for the signals through the Jacobian, from "
                    "error_derivative and softmax_jacobian"
                )
            got = _array(result, "signals_by_jacobian", where)
            exact = output_signals(T, O, "softmax", kind)
            # ∂o_k/∂z_k alone
            diagonal = -error_derivative(T, O, kind, "softmax") * O * (1 - O)
            if got.shape != exact.shape:
                raise Wrong(
                    f"signals_by_jacobian returned shape {got.shape} {where}: one "
                    f"signal per item and output, {exact.shape}"
                )
            if _close(got, exact, rtol=1e-8, atol=1e-14):
                continue
            if _close(got, -exact, rtol=1e-8):
                raise Wrong(f"wrong sign {where}: a signal is −∂E/∂z")
            if n_items > 1 and _close(got, exact / n_items, rtol=1e-8):
                raise Wrong(
                    f"{where}: the signals are divided by the number of items; a "
                    "signal belongs to one item (the batch mean comes later, in the "
                    "gradients)"
                )
            if _close(got, diagonal, rtol=1e-8):
                raise Wrong(
                    f"{where}: only the diagonal of the Jacobian is used (for squared "
                    "error, that is the summary's per-node rule); sum over every "
                    "output m"
                )
            other = output_signals(
                T,
                O,
                "softmax",
                "cross_entropy" if kind == "squared_error" else "squared_error",
            )
            if _close(got, other, rtol=1e-8):
                raise Wrong(
                    f"{where}: these are the signals of the other error function; pass "
                    "`kind` on to error_derivative"
                )
            raise Wrong(
                f"signals_by_jacobian gives the wrong values {where}: sum over the "
                "outputs m, with ∂E/∂o_m and the Jacobian's row m, column k"
            )


# --- chapter 6: gradients_from_signals(values, signals) -------------------------------


def _gradients_from_signals(answer, hidden):
    from backprop import forward, init_weights, weight_gradients

    rng = _rng(hidden)
    cases = (
        [([3, 4, 2], None)]
        if not hidden
        else [
            ([3, 5, 4, 2], None),
            ([2, 3, 3, 4, 2], int(rng.integers(2, 6))),
            ([4, 6, 3], 1),
        ]
    )
    for sizes, n_items in cases:
        weights, biases = init_weights(sizes, seed=int(rng.integers(1000)))
        x = rng.normal(size=sizes[0] if n_items is None else (n_items, sizes[0]))
        values = forward(x, weights, biases)
        signals = [rng.normal(size=v.shape) for v in values[1:]]
        where = (
            f"for a {'-'.join(map(str, sizes))} network and "
            f"{'one item' if n_items is None else f'a batch of {n_items}'}"
        )
        result = _call(
            answer,
            "gradients_from_signals",
            {"values": values, "signals": signals},
            where,
        )
        if not isinstance(result, (list, tuple)):
            raise Wrong(
                "gradients_from_signals should return a list of (g_w, g_b) pairs "
                f"{where}, not {type(result).__name__}"
            )
        layers = len(sizes) - 1
        if len(result) != layers:
            raise Wrong(
                f"{where}: got {len(result)} pair(s) for {layers} layers of weights: "
                "one pair per layer, for any number of layers"
            )
        pairs = [
            _pair(p, "gradients_from_signals", f"{where}, layer {l}")
            for l, p in enumerate(result)
        ]
        reference = [weight_gradients(signals[l], values[l]) for l in range(layers)]
        if all(
            _close(g_w, r_w) and _close(g_b, r_b)
            for (g_w, g_b), (r_w, r_b) in zip(pairs, reference)
        ):
            continue
        if layers > 1 and all(
            _close(g_w, r_w) and _close(g_b, r_b)
            for (g_w, g_b), (r_w, r_b) in zip(pairs[::-1], reference)
        ):
            raise Wrong(
                f"{where}: the pairs are in reverse order; return them input side first"
            )
        for l, ((g_w, g_b), (r_w, r_b)) in enumerate(zip(pairs, reference)):
            if g_w.shape != r_w.shape:
                hint = (
                    " (transposed: which argument of weight_gradients is the signals?)"
                    if g_w.shape == r_w.shape[::-1]
                    else " (which values feed this layer?)"
                )
                raise Wrong(
                    f"{where}, layer {l}: g_w has shape {g_w.shape}, but it is shaped "
                    f"like the weights, {r_w.shape}{hint}"
                )
            for what, got, ref in (("g_w", g_w, r_w), ("g_b", g_b, r_b)):
                if _close(got, ref):
                    continue
                if not np.any(got):
                    raise Wrong(
                        f"{where}, layer {l}: {what} is all 0"
                        + (
                            ": a bias's input is 1, so its gradient is its node's "
                            "(mean) signal"
                            if what == "g_b"
                            else ""
                        )
                    )
                factor = float(np.sum(got * ref) / np.sum(ref * ref))
                if _close(got, factor * ref) and not np.isclose(factor, 1.0):
                    raise Wrong(
                        f"{where}, layer {l}: {what} is {factor:.3g} times the right "
                        "value: the gradients of a batch are the mean over its items, "
                        "and nothing else scales them"
                    )
                raise Wrong(
                    f"{where}, layer {l}: {what} is wrong: "
                    + (
                        "the weights of a layer are fed by the values of the layer "
                        "below them and point to the nodes whose signals are "
                        f"signals[{l}]"
                        if what == "g_w"
                        else (
                            "a bias's input is 1, so its gradient is its node's "
                            "(mean) signal"
                        )
                    )
                )


# --- chapter 7: two_hidden_backward(x, t, weights, biases) ----------------------------


def _mixed_forward(x, weights, biases, first="logistic", second="tanh"):
    """The values of a network with two hidden layers of the given activations and
    softmax outputs."""
    from backprop import logistic, softmax, tanh

    f = {"logistic": logistic, "tanh": tanh}
    a1 = f[first](x @ weights[0] + biases[0])
    a2 = f[second](a1 @ weights[1] + biases[1])
    return a1, a2, softmax(a2 @ weights[2] + biases[2])


def _mixed_backward(x, t, weights, biases, first="logistic", second="tanh"):
    """The reference: chapter 7's equations with the package's pieces, each hidden layer
    with its activation."""
    from backprop import hidden_signals, output_signals, weight_gradients

    a1, a2, o = _mixed_forward(x, weights, biases, first, second)
    d3 = output_signals(t, o, "softmax", "cross_entropy")
    d2 = hidden_signals(d3, weights[2], a2, second)
    d1 = hidden_signals(d2, weights[1], a1, first)
    return [weight_gradients(d1, x), weight_gradients(d2, a1), weight_gradients(d3, a2)]


def _two_hidden_variants(x, t, weights, biases):
    """The results of classic mistakes, by name, computed with the package's pieces."""
    from backprop import output_signals, weight_gradients

    a1, a2, o = _mixed_forward(x, weights, biases)
    d3 = output_signals(t, o, "softmax", "cross_entropy")

    def pairs(d1, d2):
        return [
            weight_gradients(d1, x),
            weight_gradients(d2, a1),
            weight_gradients(d3, a2),
        ]

    bare2 = d3 @ weights[2].T
    of_output2 = bare2 * (1 - np.tanh(a2) ** 2)
    sigma = 1 / (1 + np.exp(-a1))
    literal2 = np.sum(d3, axis=-1, keepdims=True) * (1 - a2**2)
    variants = {
        (
            "the first hidden layer is logistic: its signals need the logistic "
            "derivative h (1 − h), not tanh's"
        ): pairs(
            (bare2 * (1 - a2**2)) @ weights[1].T * (1 - a1**2), bare2 * (1 - a2**2)
        ),
        (
            "the two hidden layers' derivatives are swapped: the first layer is "
            "logistic, the second tanh"
        ): pairs(
            ((bare2 * a2 * (1 - a2)) @ weights[1].T) * (1 - a1**2),
            bare2 * a2 * (1 - a2),
        ),
        "the hidden signals miss the activation's derivative f′(z)": pairs(
            bare2 @ weights[1].T, bare2
        ),
        (
            "f′ is applied to the node's output h instead of its sum z "
            "(from h: 1 − h² for tanh, h (1 − h) for logistic)"
        ): pairs((of_output2 @ weights[1].T) * sigma * (1 - sigma), of_output2),
        (
            "the summary's literal hidden signals, a plain sum without the weights "
            "(chapter 7 shows why it fails)"
        ): pairs(np.sum(literal2, axis=-1, keepdims=True) * a1 * (1 - a1), literal2),
    }
    n = 1 if np.ndim(x) == 1 else len(x)
    if n > 1:
        variants[
            "that is the sum over items; the gradient of the batch error is the mean"
        ] = [(g_w * n, g_b * n) for g_w, g_b in _mixed_backward(x, t, weights, biases)]
    return variants


def _two_hidden_backward(answer, hidden):
    from backprop import init_weights

    rng = _rng(hidden)
    if not hidden:
        cases = [([4, 3, 5, 3], 6)]
    else:
        cases = [
            ([3, 5, 4, 2], None),
            ([int(rng.integers(2, 5)), 4, 3, 3], int(rng.integers(2, 7))),
            ([2, 3, 4, 4], 1),
        ]
    for sizes, n_items in cases:
        weights, biases = init_weights(sizes, seed=int(rng.integers(1000)))
        # sums away from 0, where the two activations' derivatives differ most
        weights = [w * 2 for w in weights]
        biases = [b + rng.normal(scale=0.5, size=b.shape) for b in biases]
        x = rng.normal(size=sizes[0] if n_items is None else (n_items, sizes[0]))
        t = np.eye(sizes[-1])[
            rng.integers(sizes[-1], size=None if n_items is None else n_items)
        ]
        where = f"for a {'-'.join(map(str, sizes))} network and " + (
            "one item (1-D x and t)"
            if n_items is None
            else f"a batch of {n_items} item(s)"
        )
        with _instrumented(
            _refuse(
                ["backward"],
                "from chapter 7's equations, without calling backward",
                answer,
            )
        ):
            result = _call(
                answer,
                "two_hidden_backward",
                {"x": x, "t": t, "weights": weights, "biases": biases},
                where,
            )
        if not isinstance(result, (list, tuple)):
            raise Wrong(
                "two_hidden_backward should return a list of three (g_w, g_b) pairs "
                f"{where}, not {type(result).__name__}"
            )
        if len(result) != 3:
            raise Wrong(
                f"{where}: got {len(result)} pair(s); return one (g_w, g_b) pair per "
                "layer of weights, 3"
            )
        pairs = [
            _pair(p, "two_hidden_backward", f"{where}, layer {l}")
            for l, p in enumerate(result)
        ]
        reference = _mixed_backward(x, t, weights, biases)
        for l, ((g_w, g_b), (r_w, r_b)) in enumerate(zip(pairs, reference)):
            if g_w.shape != r_w.shape or g_b.shape != r_b.shape:
                raise Wrong(
                    f"{where}, layer {l}: shapes {g_w.shape} and {g_b.shape}, expected "
                    f"{r_w.shape} and {r_b.shape} (g_w is shaped like weights[{l}], "
                    f"g_b like biases[{l}])"
                )
        if all(
            _close(g_w, r_w) and _close(g_b, r_b)
            for (g_w, g_b), (r_w, r_b) in zip(pairs, reference)
        ):
            continue
        if all(_close(g, r) for (g, _), (r, _) in zip(pairs, reference)):
            zero = all(not np.any(g) for _, g in pairs)
            raise Wrong(
                f"{where}: the weight gradients are right but the bias gradients are "
                f"{'all 0' if zero else 'wrong'}: a bias's gradient is its layer's "
                "signal, averaged over the items"
            )
        if all(_close(g, -r) for (g, _), (r, _) in zip(pairs, reference)):
            raise Wrong(
                f"wrong sign {where}: the book's gradients are −∂E/∂w (signals "
                "are t − o for softmax and cross-entropy)"
            )
        for mistake, variant in _two_hidden_variants(x, t, weights, biases).items():
            if all(
                _close(g_w, v_w) and _close(g_b, v_b)
                for (g_w, g_b), (v_w, v_b) in zip(pairs, variant)
            ):
                raise Wrong(f"{where}: {mistake}")
        wrong = [
            l
            for l, ((g_w, g_b), (r_w, r_b)) in enumerate(zip(pairs, reference))
            if not (_close(g_w, r_w) and _close(g_b, r_b))
        ]
        right = [l for l in range(3) if l not in wrong]
        raise Wrong(
            f"{where}: the gradients of layer(s) {wrong} differ from back-propagation's"
            f"{f' (layer(s) {right} are right)' if right else ''}: which signals, "
            "which values and which activation's derivative feed each layer?"
        )


# --- chapter 8: confusion(net, X, T) --------------------------------------------------


def _confusion_case(rng, n_items, classes):
    """A network and items whose true and predicted species both cover exactly
    `classes`, and the right table."""
    from backprop import Network

    while True:
        net = Network([4, 5, 3], seed=int(rng.integers(10_000)))
        net.weights = [w * 4 for w in net.weights]
        # never predicted
        net.biases[1][[k for k in range(3) if k not in classes]] = -100.0
        X = rng.normal(size=(n_items, 4))
        T = np.eye(3)[rng.choice(classes, size=n_items)]
        true, predicted = np.argmax(T, axis=1), np.argmax(net.forward(X), axis=1)
        table = np.zeros((3, 3), dtype=int)
        for a, b in zip(true, predicted):
            table[a, b] += 1
        if set(true) == set(predicted) == set(classes) and not np.array_equal(
            table, table.T
        ):
            return net, X, T, true, predicted, table


def _confusion(answer, hidden):
    rng = _rng(hidden)
    cases = (
        [(30, [0, 1, 2])]
        if not hidden
        else [
            (int(rng.integers(20, 60)), [0, 1, 2]),
            (int(rng.integers(20, 60)), [0, 1, 2]),
            (25, [0, 1]),
        ]
    )
    for n_items, classes in cases:
        net, X, T, true, predicted, table = _confusion_case(rng, n_items, classes)
        where = f"for {n_items} items and a network that predicts " + (
            "all three species"
            if len(classes) == 3
            else "only species 0 and 1 (and no item is species 2)"
        )
        got = _array(
            _call(answer, "confusion", {"net": net, "X": X, "T": T}, where),
            "confusion",
            where,
        )
        if got.shape != (3, 3):
            raise Wrong(
                f"confusion returned shape {got.shape} {where}: one row and one column "
                "per species, (3, 3), even for a species that no item has and the "
                "network never predicts"
            )
        if np.array_equal(got, table):
            continue
        if got.sum() != n_items:
            raise Wrong(
                f"{where}: the table adds up to {got.sum():g}, not {n_items}: every "
                "item is counted once"
            )
        if np.array_equal(got, table.T):
            raise Wrong(
                f"{where}: the table is transposed: rows are the true species, columns "
                "the predicted ones"
            )
        if np.array_equal(
            got, np.diag(np.bincount(true, minlength=3))
        ) or np.array_equal(got, np.diag(np.bincount(predicted, minlength=3))):
            raise Wrong(
                f"{where}: only the diagonal is filled: the columns must come from the "
                "network's predictions and the rows from the targets"
            )
        if any(
            np.array_equal(got, np.roll(np.roll(table, r, axis=0), c, axis=1))
            for r in (-1, 0, 1)
            for c in (-1, 0, 1)
            if (r, c) != (0, 0)
        ):
            raise Wrong(
                f"{where}: the classes are shifted by one: an item of true class a "
                "predicted as b is counted in row a, column b, counting from 0"
            )
        if np.array_equal(got.sum(axis=1), table.sum(axis=1)) and np.array_equal(
            got.sum(axis=0), table.sum(axis=0)
        ):
            raise Wrong(
                f"{where}: the row and column totals are right but the cells are not: "
                "count each item in the cell of its own (true, predicted) pair"
            )
        raise Wrong(
            f"confusion counts the wrong items {where}: check how you find each item's "
            "true species and the species the network predicts for it"
        )


# --- chapter 9: early_stop(errors, patience) ------------------------------------------


def _stopping(errors, patience, better=lambda e, best: e < best, shift=0):
    """(stopped, kept) by the rule of chapter 9, or by a variant of it: training stops
    after the first epoch that is `patience + shift` epochs past the best so far."""
    best, kept = np.inf, 0
    for epoch, e in enumerate(errors, start=1):
        if better(e, best):
            best, kept = e, epoch
        elif epoch - kept >= patience + shift:
            return epoch, kept
    return len(errors), kept


def _stopping_by_previous(errors, patience):
    """The mistake of comparing each epoch with the one before it, not with the best."""
    kept, rises = 1, 0
    for epoch in range(2, len(errors) + 1):
        if errors[epoch - 1] < errors[epoch - 2]:
            kept, rises = epoch, 0
        else:
            rises += 1
            if rises >= patience:
                return epoch, kept
    return len(errors), kept


_STOP_MISTAKES = [
    (
        "the epochs are counted from 0: the first epoch is epoch 1 (errors[0] is the "
        "error after epoch 1)",
        lambda errors, p: tuple(n - 1 for n in _stopping(errors, p)),
    ),
    (
        "the pair is swapped: return (the epoch training stops after, the epoch whose "
        "weights are kept)",
        lambda errors, p: _stopping(errors, p)[::-1],
    ),
    (
        "a tie is counted as an improvement: only an error strictly below the best so "
        "far is a new best",
        lambda errors, p: _stopping(errors, p, better=lambda e, best: e <= best),
    ),
    (
        "the patience is off by one: with patience p, training stops after the first "
        "epoch that is exactly p epochs past the best one",
        lambda errors, p: _stopping(errors, p, shift=1),
    ),
    (
        "the patience is off by one: with patience p, training stops after the first "
        "epoch that is exactly p epochs past the best one",
        lambda errors, p: _stopping(errors, p, shift=-1),
    ),
    (
        "the kept epoch looks at errors after the stop: early stopping only knows the "
        "epochs it has trained",
        lambda errors, p: (_stopping(errors, p)[0], int(np.argmin(errors)) + 1),
    ),
    (
        "each epoch is compared with the epoch before it: an improvement must beat the "
        "best error so far",
        _stopping_by_previous,
    ),
]


def _stop_cases(rng, hidden):
    """(errors, patience) pairs: a fixed curve, or fresh ones with ties, a late global
    minimum and a curve that never triggers the stop."""
    visible = [0.9, 0.7, 0.55, 0.5, 0.52, 0.5, 0.49, 0.53, 0.56, 0.6, 0.48, 0.7]
    if not hidden:
        return [(visible, 3)]
    cases = []
    for _ in range(6):
        n = int(rng.integers(15, 40))
        epochs = np.arange(1, n + 1)
        turn = rng.integers(4, n // 2)
        curve = (
            0.3 + 0.5 * np.exp(-epochs / turn) + 0.004 * np.maximum(epochs - turn, 0)
        )
        noisy = np.round(curve + rng.normal(scale=0.01, size=n), 2)  # ties
        cases.append(([float(e) for e in noisy], int(rng.integers(1, 6))))
    falling = [round(1 / k, 4) for k in range(1, 21)]
    late = [0.5, 0.4, 0.45, 0.46, 0.47, 0.3, 0.2]
    tie = [0.5, 0.4, 0.4, 0.41, 0.4, 0.42, 0.43, 0.44]
    dip = [0.5, 0.4, 0.45, 0.44, 0.46, 0.45, 0.47, 0.48]
    return cases + [(falling, 2), (late, 3), (tie, 2), (tie, 4), (dip, 2)]


def _early_stop(answer, hidden):
    """Every case first; a wrong answer is then named by the classic mistake that
    explains all of its results (several may explain one case by chance)."""
    results = []
    for errors, patience in _stop_cases(_rng(hidden), hidden):
        shown = ", ".join(f"{e:g}" for e in errors)
        where = f"for errors [{shown}] ({len(errors)} epochs) and patience {patience}"
        got = _call(
            answer,
            "early_stop",
            {"errors": list(errors), "patience": patience},
            where,
        )
        if (
            not isinstance(got, (tuple, list))
            or len(got) != 2
            or not all(isinstance(n, (int, np.integer)) for n in got)
        ):
            raise Wrong(
                f"early_stop should return a pair of ints (stopped, kept) {where}, "
                f"not {str(got)[:60]}"
            )
        results.append((errors, patience, where, (int(got[0]), int(got[1]))))
    wrong = [r for r in results if r[3] != _stopping(r[0], r[1])]
    if not wrong:
        return
    errors, patience, where, got = wrong[0]
    right = _stopping(errors, patience)
    for message, mistake in _STOP_MISTAKES:
        if all(
            got_n == tuple(int(n) for n in mistake(errors_n, patience_n))
            for errors_n, patience_n, _, got_n in results
        ):
            raise Wrong(f"early_stop returned {got} {where}: {message}")
    if got[0] > len(errors):
        raise Wrong(
            f"early_stop returned {got} {where}: training cannot stop after epoch "
            f"{got[0]}, there are only {len(errors)} epochs (if the rule never "
            "stops training, it stops after the last one)"
        )
    if right[0] == len(errors) and got[0] != len(errors):
        raise Wrong(
            f"early_stop returned {got} {where}: on this curve the rule never stops "
            f"training early, so training stops after the last epoch, {len(errors)}"
        )
    for message, mistake in _STOP_MISTAKES:
        if got == tuple(int(n) for n in mistake(errors, patience)):
            raise Wrong(f"early_stop returned {got} {where}: {message}")
    if got[0] == right[0]:
        raise Wrong(
            f"early_stop returned {got} {where}: the epoch training stops after is "
            f"right, but the weights kept are those of the epoch with the lowest "
            "error so far (the first such epoch)"
        )
    raise Wrong(
        f"early_stop returned {got} {where}: step through the epochs in order, "
        "keeping the best error so far and its epoch"
    )


# --- chapter 10: node_exp(a) ----------------------------------------------------------


def _engine_class(answer):
    """The Node class the answer builds on: the chapter's own (the chapter defines the
    engine itself), or the package's."""
    own = getattr(answer, "__globals__", {}).get("Node")
    if isinstance(own, type):
        return own
    from backprop.autodiff import Node

    return Node


def _exp_with(Node, local, accumulate=True):
    """An exp operation for the engine whose rule passes local(a, e^a, out.grad) to
    a.grad: the right rule, or a classic mistake."""

    def exp(a):
        out = Node(np.exp(a.value), (a,), "exp")

        def _backward():
            term = local(a.value, out.value, out.grad)
            if accumulate:
                a.grad += term
            else:
                a.grad = term

        out._backward = _backward
        return out

    return exp


_EXP_RIGHT = (lambda a, e, g: e * g, True)
_EXP_MISTAKES = {
    (
        "wrong sign: the rule adds the derivative itself, e^a × out.grad; the book's "
        "sign (−W.grad) comes only when the gradients are read at the end"
    ): (lambda a, e, g: -e * g, True),
    (
        "the rule overwrites a.grad (`a.grad = ...`) instead of adding to it (`+=`): "
        "when a is used twice, the last rule to run erases the other path"
    ): (lambda a, e, g: e * g, False),
    (
        "the rule uses the input a where the local derivative is the output e^a "
        "(out.value)"
    ): (lambda a, e, g: a * g, True),
    (
        "the rule forgets the derivative arriving from above: the chain rule multiplies "
        "the local derivative by out.grad"
    ): (lambda a, e, g: e + 0 * g, True),
    (
        "the rule takes e to the power of the output, e^(e^a): the local derivative is "
        "the output itself, out.value"
    ): (lambda a, e, g: np.exp(e) * g, True),
    "the rule passes out.grad on unchanged, as if the derivative of e^a were 1": (
        lambda a, e, g: g + 0 * e,
        True,
    ),
}


def _exp_entries(array, shown=3):
    """The first few entries of an array, rounded, for a message."""
    flat = np.ravel(array)
    text = ", ".join(f"{v:.4g}" for v in flat[:shown])
    return f"[{text}{', ...' if flat.size > shown else ''}]"


def _exp_cases(rng, hidden):
    """(shape of a, description, expression(exp, a) giving E) for each case."""
    shapes = [(3,)] if not hidden else [(), (int(rng.integers(2, 6)),), (2, 3)]
    cases = []
    for shape in shapes:
        c = rng.uniform(1.5, 3.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
        d = rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
        cases += [
            (shape, "E = Σ c e^a", lambda exp, a, c=c: (exp(a) * c).sum()),
            (
                shape,
                "E = Σ e^a e^a (a feeds two exp nodes)",
                lambda exp, a: (exp(a) * exp(a)).sum(),
            ),
            (
                shape,
                "E = Σ (c e^a + d a) (a feeds an exp node and a product)",
                lambda exp, a, c=c, d=d: (exp(a) * c + a * d).sum(),
            ),
            (
                shape,
                "E = Σ c e^(e^a / 2) (an exp of an exp)",
                lambda exp, a, c=c: (exp(exp(a) * 0.5) * c).sum(),
            ),
        ]
    return cases


def _node_exp(answer, hidden):
    Node = _engine_class(answer)
    rng = _rng(hidden)
    for shape, description, expression in _exp_cases(rng, hidden):
        values = rng.normal(size=shape)
        where = f"for a of shape {shape} and {description}"
        a = Node(values.copy())
        try:
            out = answer(a)
        except Wrong:
            raise
        except Exception as problem:
            raise Wrong(
                f"node_exp raised {type(problem).__name__} {where}: {problem}"
            ) from problem
        if not np.array_equal(a.value, values) or a.parents != ():
            raise Wrong(
                f"node_exp changed its argument `a` {where}: it must leave a's value "
                "as it is (compute e^a into a new array, not with out=a.value)"
            )
        if not isinstance(out, Node):
            raise Wrong(
                f"node_exp should return a Node {where}, not {type(out).__name__}: "
                "the engine needs the new node to reach a through its parents"
            )
        got = _array(out.value, "node_exp's node", where)
        if not _close(got, np.exp(values)):
            raise Wrong(f"{where}: the new node's value should be e^a, entry by entry")
        if not any(parent is a for parent in out.parents):
            raise Wrong(
                f"{where}: the new node's parents must include a, "
                "Node(value, (a,), ...): without them the backward sweep never reaches a"
            )
        if out._backward is Node(0.0)._backward:
            raise Wrong(
                f"{where}: the new node has no backward rule: define one and attach it, "
                "out._backward = ..."
            )
        graded, right = Node(values.copy()), Node(values.copy())
        try:
            E = expression(answer, graded)
            E.backward()
        except Exception as problem:
            raise Wrong(
                f"the backward rule raised {type(problem).__name__} {where}: {problem}"
            ) from problem
        E = expression(_exp_with(Node, *_EXP_RIGHT), right)
        E.backward()
        got = _array(graded.grad, "a.grad", where)
        if _close(got, right.grad):
            continue
        if got.shape != right.grad.shape:
            raise Wrong(
                f"{where}: a.grad has shape {got.shape}, not a's shape {shape}: the rule "
                "adds an array shaped like a"
            )
        for mistake, rule in _EXP_MISTAKES.items():
            variant = Node(values.copy())
            E = expression(_exp_with(Node, *rule), variant)
            E.backward()
            if _close(got, variant.grad):
                raise Wrong(f"{where}: {mistake}")
        if not np.any(got):
            raise Wrong(
                f"{where}: a.grad stays 0: the rule must add its term to a.grad (not to "
                "out.grad or to a copy)"
            )
        raise Wrong(
            f"node_exp's rule gives the wrong ∂E/∂a {where}: with a = "
            f"{_exp_entries(values)}, E.backward() should leave a.grad = "
            f"{_exp_entries(right.grad)}, got {_exp_entries(got)}. The rule should add "
            "e^a × out.grad to a.grad: the local derivative, the node's own value e^a, "
            "times the derivative arriving from above"
        )


EXERCISES = {
    "ch1-item-errors": _item_errors,
    "ch2-bias-step": _bias_step,
    "ch3-forward-difference": _forward_difference,
    "ch4-loops": _weight_gradients_loops,
    "ch5-jacobian": _signals_by_jacobian,
    "ch6-both-layers": _gradients_from_signals,
    "ch7-two-hidden": _two_hidden_backward,
    "ch8-confusion": _confusion,
    "ch9-early-stop": _early_stop,
    "ch10-exp": _node_exp,
}


def check(exercise, answer, hidden=False):
    """Check a graded exercise's answer; raises AssertionError naming the mistake, or
    returns None.

    Parameters
    ----------
    exercise : str
        The grade id of the exercise's answer cell, for example ``"ch4-loops"``.
    answer : callable
        The student's function.
    hidden : bool
        False for the visible case; True for the cases drawn afresh at grading time.
    """
    if exercise not in EXERCISES:
        raise ValueError(
            f"exercise must be one of {sorted(EXERCISES)}, got {exercise!r}"
        )
    if not callable(answer):
        raise Wrong(f"the answer must be a function, got {type(answer).__name__}")
    with np.errstate(all="ignore"):
        EXERCISES[exercise](answer, hidden)
