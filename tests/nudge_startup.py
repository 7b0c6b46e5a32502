"""IPython start-up file for the perturbation test (tests/test_perturbation.py); the chapters never see it.

It multiplies every starting value a chapter can get by (1 + 1e-12 · u), u in [-1, 1) a hash of the value's bits and
of BACKPROP_NUDGE_SEED (so the same value always gets the same nudge):

- every float that numpy's generators draw (`np.random.default_rng(...)`: starting weights, random data),
- every float that Python's `random.Random(...)` draws (the published demo's starting weights),
- the running example's input, weights and biases (`running_network`),
- the measurements of the data sets the package ships (`load_iris`, `load_digits`); targets and labels stay exact.

A printed digit that survives this nudge of its inputs survives another CPU's rounding of the last bit, which is far
smaller. Integers (shuffles, permutations, labels) are not nudged: they are exact on every machine.
"""

import functools
import os
import random as _random_module

import numpy as _np

import backprop as _backprop

_SIZE = float(os.environ.get("BACKPROP_NUDGE_SIZE", "1e-12"))
_SEED = _np.uint64(int(os.environ.get("BACKPROP_NUDGE_SEED", "1")))
_original_default_rng = _np.random.default_rng
_original_random_class = _random_module.Random


def _noise(values):
    """u in [-1, 1) for each value: a hash of its bits and the seed, so equal values get equal nudges (the same seed
    still gives the same weights, as on any CPU)."""
    bits = _np.ascontiguousarray(values, dtype=_np.float64).view(_np.uint64) ^ _SEED
    bits = (bits ^ (bits >> _np.uint64(30))) * _np.uint64(0xBF58476D1CE4E5B9)  # splitmix64's finaliser
    bits = (bits ^ (bits >> _np.uint64(27))) * _np.uint64(0x94D049BB133111EB)
    bits = bits ^ (bits >> _np.uint64(31))
    return (bits >> _np.uint64(11)).astype(_np.float64) / 2.0**52 - 1.0


def _nudge(values):
    """values × (1 + size · u) for floats and float arrays; anything else unchanged."""
    if isinstance(values, float):
        return float(values * (1.0 + _SIZE * _noise(_np.array([values]))[0]))
    if isinstance(values, _np.ndarray) and values.dtype.kind == "f":
        return values * (1.0 + _SIZE * _noise(values))
    return values


def _nudged_method(name):
    base = getattr(_np.random.Generator, name)

    @functools.wraps(base)
    def method(self, *args, **kwargs):
        return _nudge(base(self, *args, **kwargs))

    return method


class _NudgedGenerator(_np.random.Generator):
    """numpy's Generator, with every float it draws nudged."""

    random = _nudged_method("random")
    uniform = _nudged_method("uniform")
    normal = _nudged_method("normal")
    standard_normal = _nudged_method("standard_normal")


@functools.wraps(_original_default_rng)
def _default_rng(seed=None):
    if isinstance(seed, _np.random.Generator):
        return seed
    return _NudgedGenerator(_original_default_rng(seed).bit_generator)


class _NudgedRandom(_original_random_class):
    """Python's Random, with every float from random() nudged; shuffles and integer draws exactly as before."""

    _randbelow = _original_random_class._randbelow  # else a subclass that defines random() shuffles with it

    def random(self):
        return _nudge(super().random())


def _nudged_running_network(original):
    @functools.wraps(original)
    def running_network():
        x, t, weights, biases = original()
        return _nudge(x), t, [_nudge(w) for w in weights], [_nudge(b) for b in biases]

    return running_network


def _nudged_loader(original):
    @functools.wraps(original)
    def loader(*args, **kwargs):
        X, *rest = original(*args, **kwargs)
        return (_nudge(X), *rest)

    return loader


def _replace_everywhere(name, make):
    """Replace the package function `name` wherever the package holds it (defining module, re-exports, imports)."""
    import sys

    original = getattr(_backprop, name, None)
    if original is None:
        return
    replacement = make(original)
    for module_name, module in list(sys.modules.items()):
        if module_name == "backprop" or module_name.startswith("backprop."):
            for attribute, value in list(vars(module).items()):
                if value is original:
                    setattr(module, attribute, replacement)


_np.random.default_rng = _default_rng
_random_module.Random = _NudgedRandom
_replace_everywhere("running_network", _nudged_running_network)
_replace_everywhere("load_iris", _nudged_loader)
_replace_everywhere("load_digits", _nudged_loader)

del functools, os
