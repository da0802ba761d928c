"""Why sigmoid code clips z at 709: the overflow bound of exp in floating point.

Varies PRB-29 (three sigmoid implementations; the meaning of the constant 709 and which one is
safe: the book's float64 instance in ``book_params``). e^t overflows once t exceeds the natural log
of the largest finite value of the float type: ln((2 − 2⁻⁵²)·2¹⁰²³) ≈ 709.78 for float64, ≈ 88.72
for float32 and ≈ 11.09 for float16. Each variant draws the float type and the clip constant
written in the clipped implementation (sometimes one copied from another type, which no longer
protects). Slips modelled: log10 or log2 in place of ln, the sign of the overflow point, rounding
the wrong way, and trusting a clip constant made for another type.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import integer, part, real, slip, wrong_bases
from interview_sim.model import AnswerKind

# (mantissa bits, largest exponent): the largest finite value is (2 − 2^-bits)·2^emax
FORMATS = {"float64": (52, 1023), "float32": (23, 127), "float16": (10, 15)}
OPTIONS = (
    ("a", "naive: 1 / (1 + exp(−z))"),
    ("b", "clipped: z is clipped to [−C, C] first, then 1 / (1 + exp(−z))"),
    ("c", "branching: 1 / (1 + exp(−z)) when z ≥ 0, exp(z) / (1 + exp(z)) when z < 0"),
)


def largest(dtype: str) -> sympy.Rational:
    bits, emax = FORMATS[dtype]
    return (2 - sympy.Rational(1, 2**bits)) * sympy.Integer(2) ** emax


def ln_largest(dtype: str, base=None) -> sympy.Expr:
    """ln of the largest finite value, kept short: emax·ln 2 + ln(2 − 2^-bits)."""
    bits, emax = FORMATS[dtype]
    value = emax * sympy.log(2) + sympy.log(2 - sympy.Rational(1, 2**bits))
    return value if base is None else value / sympy.log(base)


def bound(dtype: str) -> int:
    return int(sympy.floor(ln_largest(dtype)))


def draw(rng: Random) -> dict:
    dtype = rng.choice(tuple(FORMATS))
    others = [bound(d) for d in FORMATS if d != dtype]
    clip = bound(dtype) if rng.random() < 0.6 else rng.choice(others)
    return {"dtype": dtype, "clip": clip}


def solve(params: dict) -> Solved:
    dtype, clip = params["dtype"], params["clip"]
    ln_max = ln_largest(dtype)
    edge = bound(dtype)
    clip_safe = clip <= edge
    safe = frozenset({"b", "c"} if clip_safe else {"c"})
    parts = [
        real(
            "ln_max",
            f"The natural log of the largest finite {dtype} value",
            ln_max,
            *wrong_bases(lambda b: ln_largest(dtype, b), None, "the overflow point of exp"),
        ),
        integer(
            "most_negative",
            f"The most negative whole number z for which exp(−z) is still finite in {dtype}",
            -edge,
            slip("sign", "exp(−z) grows as z becomes more negative; the bound is negative.", edge),
            slip(
                "rounded_up",
                f"at z = {-edge - 1}, −z = {edge + 1} is past ln(max): overflow.",
                -edge - 1,
            ),
        ),
        part(
            AnswerKind.CHOICES,
            "safe",
            f"Which implementations never overflow for any finite {dtype} z?",
            safe,
            slip(
                "clip_too_large",
                f"clipping at {clip} still lets exp reach e^{clip}, beyond the largest {dtype} "
                f"(e^{edge + 1} already overflows).",
                frozenset({"b", "c"}),
            )
            if not clip_safe
            else None,
            slip(
                "branching_missed",
                "the branching version only ever exponentiates a "
                "non-positive number, so it cannot overflow either.",
                frozenset({"b"}),
            )
            if clip_safe
            else None,
            slip(
                "naive_is_safe",
                f"the naive version computes exp(−z), which overflows for z < −{edge}.",
                safe | {"a"},
            ),
            options=OPTIONS,
        ),
    ]
    bits, emax = FORMATS[dtype]
    facts = {
        "largest": largest(dtype),
        "bits": bits,
        "emax": emax,
        "ln_max": ln_max,
        "edge": edge,
        "clip_safe": clip_safe,
        "log10_max": ln_largest(dtype, 10),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="sigmoid_overflow_bound",
    chapter="logistic_regression",
    title="The overflow bound behind a clipped sigmoid",
    book_refs=("PRB-29",),
    params=(
        Param("dtype", "the floating-point type", "choice", options=tuple(FORMATS)),
        Param(
            "clip", "the constant C of the clipped implementation", "integer", low=1, high=100000
        ),
    ),
    draw=draw,
    solve=solve,
    space=9,
    book_params={"dtype": "float64", "clip": 709},
)
