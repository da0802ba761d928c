"""Snapshot ensembles: the cyclic cosine learning-rate schedule and when snapshots are taken.

Varies ENS-Q19 (a training loop that saves a checkpoint per cycle: snapshot ensembling) and
ENS-Q22 (cyclic cosine annealing reaching several minima). A derived numeric family: the book asks
for explanations, so ``book_params`` is our own instance. With initial rate α0, T iterations and M
cycles, each cycle lasts L = ⌈T/M⌉ iterations and
α(t) = (α0/2)·(cos(π·mod(t − 1, L)/L) + 1); a snapshot is saved at the end of every cycle. Asked: L,
α(t), the iteration of the snapshot closing t's cycle, and the smallest rate reached in a cycle.
Slips modelled: ⌊T/M⌋ for ⌈T/M⌉, mod(t, L) for mod(t − 1, L), one cosine over all T iterations
(no restarts), the ½ left out, and the cycle's start given for its end.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, real, slip

RATES = ("0.5", "0.2", "0.1", "0.05", "0.02", "0.01")


def cos_pi(fraction: sympy.Rational) -> sympy.Expr:
    """cos(π·fraction) kept as a cosine: sympy would expand cos(19π/120) into a page of nested
    radicals, unreadable on screen and too long for the answer checker to read back."""
    return sympy.cos(sympy.pi * fraction, evaluate=False)


def rate(alpha0, position: int, length: int) -> sympy.Expr:
    """α at a position 0 … L − 1 inside a cycle of length L."""
    return alpha0 / 2 * (cos_pi(sympy.Rational(position, length)) + 1)


def draw(rng: Random) -> dict:
    while True:
        m = rng.randint(2, 10)
        length = rng.randrange(10, 201, 10) if rng.random() < 0.7 else rng.randint(8, 200)
        total = length * m - rng.randint(0, min(m - 1, length - 1))
        t = rng.randint(length + 1, total)
        params = {"alpha0": sympy.Rational(rng.choice(RATES)), "T": total, "M": m, "t": t}
        if _problem(params) is None:
            return params


def _problem(params: dict) -> tuple[str, str] | None:
    total, m, t = params["T"], params["M"], params["t"]
    if m > total:
        return "M", f"{m} cycles need at least {m} iterations"
    length = -(-total // m)
    if (m - 1) * length >= total:
        return "M", f"with L = ⌈T/M⌉ = {length} the last of the {m} cycles would be empty"
    if not length < t <= total:
        return "t", f"pick t after the first cycle (L = {length}) and at most T = {total}"
    if (t - 1) % length in (0, length - 1):
        return "t", "t at the first or last step of a cycle makes α(t) one of the other answers"
    return None


def check(params: dict) -> None:
    problem = _problem(params)
    if problem:
        raise ParamError(*problem)


def solve(params: dict) -> Solved:
    alpha0, total, m, t = params["alpha0"], params["T"], params["M"], params["t"]
    length = -(-total // m)
    floor_length = total // m
    position = (t - 1) % length
    cycle = (t - 1) // length + 1
    snapshot = min(cycle * length, total)
    start = (cycle - 1) * length + 1
    alpha = rate(alpha0, position, length)
    lowest = rate(alpha0, length - 1, length)
    parts = [
        integer(
            "cycle_length",
            "The cycle length L in iterations",
            length,
            slip(
                "floor_not_ceiling",
                f"T/M = {total}/{m} is rounded up, not down: ⌈T/M⌉.",
                floor_length,
            )
            if floor_length != length
            else None,
        ),
        real(
            "alpha_t",
            f"The learning rate α(t) at iteration t = {t}",
            alpha,
            slip(
                "mod_off_by_one",
                "the schedule uses mod(t − 1, L), so iteration 1 starts a cycle at α0.",
                rate(alpha0, t % length, length),
            ),
            slip(
                "no_restart",
                "that is one cosine over all T iterations; a snapshot schedule restarts every L.",
                alpha0 / 2 * (cos_pi(sympy.Rational(t - 1, total)) + 1),
            ),
            slip("missing_half", "the cosine term is scaled by α0/2, not α0.", 2 * alpha),
        ),
        integer(
            "snapshot",
            "The iteration at which the snapshot closing t's cycle is saved",
            snapshot,
            slip(
                "cycle_start",
                "that is where the cycle starts; the snapshot is taken at its end, "
                "where the rate is smallest.",
                start,
            ),
        ),
        real(
            "lowest",
            "The smallest learning rate reached within a cycle",
            lowest,
        ),
    ]
    facts = {
        "length": length,
        "position": position,
        "cycle": cycle,
        "alpha": alpha,
        "lowest": lowest,
        "snapshot": snapshot,
        "ceil_needed": floor_length != length,
        "cos": cos_pi(sympy.Rational(position, length)),
        "truncated": snapshot == total and cycle * length != total,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="snapshot_cosine_lr",
    chapter="ensembles",
    title="Snapshot ensembles: the cyclic cosine learning rate",
    book_refs=("ENS-Q19", "ENS-Q22"),
    params=(
        Param("alpha0", "the initial learning rate α0", low=0, high=10, open=True),
        Param("T", "total training iterations", "integer", low=2, high=10**7),
        Param("M", "number of cycles (= snapshots)", "integer", low=1, high=1000),
        Param("t", "the iteration asked about (1-based)", "integer", low=1, high=10**7),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"alpha0": 0.1, "T": 300, "M": 6, "t": 120},
)
