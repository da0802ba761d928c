"""Core benchmarks: variant generation, numeric and symbolic checks, CLI cold start.

Each measurement reports the median and p99 over many calls, next to a ``python -c pass``
baseline measured in the same run so numbers from a busy or slow machine can be read in context.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS_MS = {
    "generation": 20.0,
    "numeric_check": 5.0,
    "symbolic_check": 20.0,
    "first_check_extra": 50.0,  # first symbolic check after launch minus a warm one
    "cold_start": 1000.0,
}


def summarize(samples_s: list[float]) -> dict[str, Any]:
    """Median, p99 and max in milliseconds (p99 by the nearest-rank method)."""
    ordered = sorted(samples_s)
    rank = max(0, min(len(ordered) - 1, -(-99 * len(ordered) // 100) - 1))
    return {
        "n": len(ordered),
        "median_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[rank] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def time_calls(call: Callable[[int], Any], n: int) -> list[float]:
    samples = []
    for i in range(n):
        start = time.perf_counter()
        call(i)
        samples.append(time.perf_counter() - start)
    return samples


def time_process(argv: list[str], runs: int) -> list[float]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return samples


def bench_baseline(runs: int) -> dict[str, Any]:
    return summarize(time_process([sys.executable, "-c", "pass"], runs))


def bench_generation(n: int) -> dict[str, Any]:
    from interview_sim.registry import all_families

    per_family = {}
    everything: list[float] = []
    for family in all_families():
        samples = time_calls(family.variant, n)
        per_family[family.id] = summarize(samples)
        everything += samples
    return {"all": summarize(everything), "families": per_family}


def bench_numeric_check(n: int) -> dict[str, Any]:
    import sympy

    from interview_sim.answers.check import check
    from interview_sim.model import AnswerKind, Part

    part = Part("p", "?", AnswerKind.REAL, sympy.log(9))
    answers = ["2.1972", "2.19", "2.2e0", "1/4", "0.25", "2,197.2", "-3"]
    check(part, answers[0])  # caches to_float of the exact answer, as in a session
    return summarize(time_calls(lambda i: check(part, answers[i % len(answers)]), n))


def _expression_part() -> Any:
    import sympy

    from interview_sim.model import AnswerKind, Domain, Mistake, Part

    x, p = sympy.Symbol("x"), sympy.Symbol("p")
    return Part(
        "p",
        "?",
        AnswerKind.EXPRESSION,
        -p * sympy.log(p) + x**2 - 1,
        symbols=(("x", Domain.REAL), ("p", Domain.UNIT)),
        mistakes=(Mistake("sign", "wrong sign", p * sympy.log(p) + x**2 - 1),),
    )


# every one reaches the worker: structural, numeric-probe, mistake and plain wrong answers
SYMBOLIC_ANSWERS = [
    "(x-1)(x+1) - p log(p)",
    "x^2 - 1 - p*ln(p)",
    "x^2 - 1 + p log(p)",
    "x*x - 1 + log(p^-p)",
    "(x+1)^2 - 2x - 2 - p log(p)",
    "x^2 - 2 - p log(p)",
    "2x - 1",
    "x^2 - 1 - p log(p) + sin(1000 pi x)",
]


def bench_symbolic_check(n: int) -> dict[str, Any]:
    """Warm checks of expressions, all decided in the worker process."""
    from interview_sim.answers.check import check
    from interview_sim.answers.worker import default_worker

    part = _expression_part()
    default_worker().request({"op": "ping"})  # warm: the app starts the worker at launch
    statuses: dict[str, int] = {}
    layers: dict[str, int] = {}

    def one(i: int) -> None:
        verdict = check(part, SYMBOLIC_ANSWERS[i % len(SYMBOLIC_ANSWERS)])
        statuses[verdict.status] = statuses.get(verdict.status, 0) + 1
        layers[verdict.layer or "-"] = layers.get(verdict.layer or "-", 0) + 1

    result = summarize(time_calls(one, n))
    result["statuses"] = statuses
    result["layers"] = layers
    return result


def bench_first_check(runs: int) -> dict[str, Any]:
    """The first symbolic check after launch against the warm ones after it.

    Each run starts a fresh worker the way the app does (``start_in_background``), waits until
    it reports ready (it has done one real check by then), then times the first check and ten
    more with other answers. ``extra_ms`` is the first minus the median warm check.
    """
    from interview_sim.answers.check import check
    from interview_sim.answers.worker import SymbolicWorker, start_in_background

    part = _expression_part()
    firsts, warms = [], []
    for run in range(runs):
        worker = SymbolicWorker()
        try:
            start_in_background(worker)
            worker.request({"op": "ping"})  # returns once the worker is ready
            answers = SYMBOLIC_ANSWERS[run % len(SYMBOLIC_ANSWERS) :] + SYMBOLIC_ANSWERS
            start = time.perf_counter()
            check(part, answers[0], worker=worker)
            firsts.append(time.perf_counter() - start)
            for answer in answers[1:11]:
                start = time.perf_counter()
                check(part, answer, worker=worker)
                warms.append(time.perf_counter() - start)
        finally:
            worker.stop()
    first, warm = summarize(firsts), summarize(warms)
    return {
        "first": first,
        "warm": warm,
        "extra_ms": first["median_ms"] - warm["median_ms"],
    }


def bench_cold_start(runs: int) -> dict[str, Any]:
    exe = ROOT / ".venv" / "bin" / "interview-sim"
    argv = [str(exe), "families"] if exe.exists() else [sys.executable, "-m", "interview_sim.cli"]
    if not exe.exists():
        argv.append("families")
    return summarize(time_process(argv, runs))
