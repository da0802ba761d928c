"""Bootstrap sampling: how many examples a resample with replacement leaves out.

Varies ENS-Q6 and ENS-Q10 (bagging draws with replacement, so some examples repeat and others
vanish); a derived numeric family: the book asks in words only, so ``book_params`` is our own
instance (N = 1000, m = 1000). For N examples and m draws, one example is left out with
probability (1 − 1/N)^m, about e^(−m/N) for large N, so a bootstrap of size N holds about 63.2% of
the data. The probability is computed in logs, m·ln(1 − 1/N), so N = 10⁶ is as easy as N = 10.
Slips modelled: the complement, one draw in place of m, the large-N limit used for a small N,
sampling without replacement, and the count of left-out examples given for the count kept.
"""

from __future__ import annotations

from random import Random

import mpmath
import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip

FACTORS = (1, 0.25, 0.5, 2, 3)  # m as a multiple of N
NS = sorted({*range(5, 201), 500, 1000, 5000, 10_000, 100_000, 1_000_000})


def left_out(n: int, m: int) -> sympy.Rational:
    """(1 − 1/N)^m as a 30-digit decimal, computed as exp(m·ln(1 − 1/N)) so a huge N or m
    cannot overflow or build a million-digit rational; 30 digits are exact for any grading."""
    with mpmath.workprec(200):
        value = mpmath.exp(m * mpmath.log1p(-mpmath.mpf(1) / n))
        return sympy.Rational(mpmath.nstr(value, 30, min_fixed=-40, max_fixed=40))


def limit(n: int, m: int) -> sympy.Rational:
    return sympy.Rational(str(sympy.exp(sympy.Rational(-m, n)).evalf(30)))


def draw(rng: Random) -> dict:
    n = rng.choice(NS)
    m = max(1, round(n * rng.choice(FACTORS)))
    return {"n": n, "m": m}


def check(params: dict) -> None:
    if params["n"] < 2:
        raise ParamError("n", "a bootstrap of a single example always draws it")


def solve(params: dict) -> Solved:
    n, m = params["n"], params["m"]
    out = left_out(n, m)
    kept = n * (1 - out)
    approx = limit(n, m)
    limit_differs = abs(float(out) - float(approx)) > 0.002 * float(out)
    parts = [
        real(
            "left_out",
            "The probability that one particular example is never drawn",
            out,
            slip("complement", "that is the probability it is drawn at least once.", 1 - out),
            slip(
                "one_draw",
                "(1 − 1/N) is the chance of missing it in one draw; there are m draws.",
                1 - sympy.Rational(1, n),
            ),
            slip(
                "limit_used",
                f"e^(−m/N) is the large-N limit; with N = {n} the exact (1 − 1/N)^m differs.",
                approx,
            )
            if limit_differs
            else None,
            slip(
                "without_replacement",
                "drawing N without replacement takes every example; "
                "a bootstrap draws with replacement.",
                0,
            )
            if m >= n
            else None,
        ),
        real(
            "distinct",
            "The expected number of distinct examples in the bootstrap sample",
            kept,
            slip("left_out_count", "that is the expected number left out, N·(1 − 1/N)^m.", n * out),
            slip(
                "without_replacement",
                f"with replacement some examples repeat, so fewer than {min(m, n)} are distinct.",
                min(m, n),
            ),
            slip(
                "limit_used",
                f"N(1 − e^(−m/N)) is the large-N limit; N = {n} is small.",
                n * (1 - approx),
            )
            if limit_differs
            else None,
        ),
    ]
    facts = {
        "out": out,
        "kept": kept,
        "fraction": 1 - out,
        "approx": approx,
        "limit_differs": limit_differs,
        "log_out": m * sympy.log(1 - sympy.Rational(1, n)),
        "ratio": sympy.Rational(m, n),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="bootstrap_fraction",
    chapter="ensembles",
    title="Examples left out of a bootstrap sample",
    book_refs=("ENS-Q6", "ENS-Q10"),
    params=(
        Param("n", "number of examples N in the data set", "integer", low=2, high=10**9),
        Param("m", "number of draws m (the bootstrap sample's size)", "integer", low=1, high=10**9),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=len(NS) * len(FACTORS),
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"n": 1000, "m": 1000},
)
