"""Re-run every chapter under nbval in other numerical environments this CPU can run (`make numerics`; CI runs it).

A reader's computer rounds the last bit differently from the one that executed the notebooks: another OpenBLAS
kernel (chosen from the CPU, or by OPENBLAS_CORETYPE), numpy's SIMD code for exp and tanh on or off
(NPY_DISABLE_CPU_FEATURES), one thread or two. Each environment below is one such computer, emulated on this one;
the stored outputs must come out the same in every one. Only kernels and features this CPU can execute are used
(an AVX-512 kernel on a CPU without AVX-512 dies with an illegal instruction).

    python tests/numerical_environments.py            every environment, then a summary; exit 1 if one failed
    python tests/numerical_environments.py --list     the environments this CPU can run, without running them
"""

import argparse
import ctypes
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# OpenBLAS kernels by the CPU flags they need (as /proc/cpuinfo names them: SSE3 is "pni"), newest first.
X86_KERNELS = [("Haswell", {"avx2", "fma"}), ("Sandybridge", {"avx"}), ("Nehalem", {"sse4_2"}), ("Prescott", {"pni"})]
ARM_KERNELS = [("NEOVERSEN1", set()), ("ARMV8", set())]


def cpu_flags():
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return set(line.split(":", 1)[1].split())
    return set()


def kernels():
    """The OpenBLAS kernels this CPU can execute, other than the one it would choose anyway first."""
    if platform.machine() in ("x86_64", "AMD64"):
        flags = cpu_flags()
        return [name for name, needs in X86_KERNELS if needs <= flags]
    if platform.machine() in ("aarch64", "arm64"):
        return [name for name, _ in ARM_KERNELS]
    return []


def numpy_optional_features():
    """numpy's dispatched SIMD feature groups that are on here (NPY_DISABLE_CPU_FEATURES can switch them off)."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    return [name for name in __cpu_dispatch__ if __cpu_features__.get(name)]


def environments():
    """(name, variables) pairs, each an emulated computer. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some
    machines set, are removed for these runs only.

    Two computers, which between them flip every switch away from the one that executed the notebooks (the CPU's
    own kernel, numpy's SIMD paths on, one thread): an older kernel (on x86: AVX without FMA) with two threads, and
    the oldest kernel (on x86: SSE only) with numpy's optional SIMD paths off and one thread. The second also
    nudges every starting value by a relative 1e-12 (tests/nudge_startup.py, see tests/test_perturbation.py): a
    third kind of last-bit difference, checked in the same run."""
    older = kernels()[1:] or [None]  # the first is what a current CPU chooses anyway
    numpy_off = " ".join(numpy_optional_features()) or None
    plan = [(older[0], None, "2", False),         # an older kernel (on x86: no FMA), two threads
            (older[-1], numpy_off, "1", True)]    # the oldest kernel, numpy without its optional SIMD paths, nudged
    chosen = {}
    for kernel, disabled, threads, nudged in plan:
        variables = {"OPENBLAS_NUM_THREADS": threads, "OMP_NUM_THREADS": threads}
        if kernel:
            variables["OPENBLAS_CORETYPE"] = kernel
        if disabled:
            variables["NPY_DISABLE_CPU_FEATURES"] = disabled
        if nudged:
            variables["BACKPROP_NUDGE"] = "1e-12"
        chosen.setdefault(" ".join(f"{key}={value}" for key, value in variables.items()), variables)
    return list(chosen.items())


PROBE = """
import ctypes, glob, os, numpy as np
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "libscipy_openblas*"))
core = "?"
for path in libs:
    lib = ctypes.CDLL(path)
    for symbol in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"):
        if hasattr(lib, symbol):
            function = getattr(lib, symbol)
            function.restype = ctypes.c_char_p
            core = function().decode()
print(f"OpenBLAS kernel {core}; numpy SIMD on: {[f for f in __cpu_dispatch__ if __cpu_features__.get(f)]}")
"""


def environment(variables, folder):
    """os.environ with `variables`; BACKPROP_NUDGE becomes the IPython start-up file that nudges every starting
    value (written into `folder`)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "NPY_DISABLE_CPU_FEATURES")}
    variables = dict(variables)
    size = variables.pop("BACKPROP_NUDGE", None)
    if size:
        from test_perturbation import SEED, nudged_environment

        env = nudged_environment(Path(folder), seed=SEED, size=size, base=env)
    return {**env, **variables}


def run(name, variables):
    """nbval on every chapter in one environment; True if every output matched."""
    env = environment(variables, tempfile.mkdtemp(prefix="numerics-"))
    probe = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True)
    header = f"\n=== {name}\n    {probe.stdout.strip() or probe.stderr.strip()[-300:]}"
    if probe.returncode != 0:
        print(header, flush=True)
        return False
    start = time.perf_counter()
    chapters = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
    result = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
                             "-q", "-o", "addopts=", *chapters], cwd=ROOT, env=env, capture_output=True, text=True)
    lines = result.stdout.strip().splitlines()
    report = "\n".join(lines[-25:] if result.returncode else lines[-1:])
    print(f"{header}\n{report} ({time.perf_counter() - start:.0f} s)", flush=True)
    return result.returncode == 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the environments, run nothing")
    args = parser.parse_args(argv)
    chosen = environments()
    if args.list:
        print("\n".join(name for name, _ in chosen))
        return 0
    with ThreadPoolExecutor(max_workers=2) as pool:  # two at a time: they print when done, each as one block
        results = list(pool.map(lambda pair: (pair[0], run(*pair)), chosen))
    print("\nnumerical environments:")
    for name, passed in results:
        print(f"  {'same outputs' if passed else 'DIFFERENT OUTPUTS'}  {name}")
    failed = sum(not passed for _, passed in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed or len(results) < 2 else 0


if __name__ == "__main__":
    sys.exit(main())
