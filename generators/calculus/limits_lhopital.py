"""Limits of indeterminate quotients with L'Hôpital's rule, and the trap of a determinate one.

Limits come up whenever a derivative or a softmax/log-sum-exp edge case is discussed, and the
classic trap is applying L'Hôpital's rule where the quotient is not indeterminate. Varies CAL-Q11
(three limits solved with L'Hôpital's rule; the reference records only their answers, 9e²⁷, 1
and +∞, not the expressions, so book_params is our own instance: ln(x)/(x − 1) at 1, whose
limit is 1). The quotient is drawn from five kinds: a ratio of polynomials sharing a root,
(e^(kx) − e^(ka))/(m(x − a)), sin(kx)/(m·x), (1 − cos(kx))/(m·x²) (two applications) and
ln(x/a)/(m(x − a)); a determinate quotient is drawn too, where substitution is the whole answer.

Slips caught: L'Hôpital applied to a determinate quotient (the book's pitfall), the derivatives'
ratio upside down, and the inner factor k of the chain rule forgotten.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind

X = sympy.Symbol("x")
KINDS = ("poly_ratio", "exp", "sin", "cos", "log", "determinate")
FORMS = (("a", "0/0: indeterminate"), ("b", "a number over a non-zero number: not indeterminate"))


def quotient(params: dict) -> tuple[sympy.Expr, sympy.Expr]:
    """Numerator and denominator of the drawn quotient."""
    kind, a, k, m = params["kind"], params["a"], params["k"], params["m"]
    if kind == "poly_ratio":
        return sympy.expand((X - a) * (X + k)), sympy.expand((X - a) * (X + m))
    if kind == "exp":
        return sympy.exp(k * X) - sympy.exp(k * a), m * (X - a)
    if kind == "sin":
        return sympy.sin(k * X), m * X
    if kind == "cos":
        return 1 - sympy.cos(k * X), m * X**2
    if kind == "log":
        return sympy.log(X / a), m * (X - a)
    return X**2 + k, X + m


def check(params: dict) -> None:
    kind, a, k, m = params["kind"], params["a"], params["k"], params["m"]
    if k == 0 or m == 0:
        raise ParamError("k" if k == 0 else "m", "must not be 0")
    if kind in ("sin", "cos") and a != 0:
        raise ParamError("a", f"the {kind} quotient is taken at 0")
    if kind == "log" and (a <= 0 or k != 1):
        raise ParamError("a" if a <= 0 else "k", "ln(x/a) needs a > 0 (and has no k: give k = 1)")
    if kind == "poly_ratio" and (a + m == 0 or a + k == 0 or k == m):
        raise ParamError("m", "a + k and a + m must be non-zero and k ≠ m (else 0, ∞ or 1)")
    if kind == "determinate" and (a + m == 0 or a * a + k == 0):
        raise ParamError("m", "numerator and denominator must both be non-zero at a")


POINTS = range(-5, 6)
SCALES = [n for n in range(-9, 10) if n]


def _valid(kind: str, a: int, k: int, m: int) -> bool:
    try:
        check({"kind": kind, "a": a, "k": k, "m": m})
    except ParamError:
        return False
    return True


#: every drawable variant, so the family's size is a fact, not a guess
VARIANTS = [
    (kind, a, k, m)
    for kind in KINDS
    for a in (range(1, 10) if kind == "log" else POINTS)
    for k in SCALES
    for m in SCALES
    if _valid(kind, a, k, m)
]


#: how often each kind is drawn: the rare-but-instructive ones (two applications, ln) still
#: come up, and the three large kinds keep the variants distinct
WEIGHTS = {"poly_ratio": 22, "exp": 22, "determinate": 22, "sin": 12, "cos": 12, "log": 10}


def draw(rng: Random) -> dict:
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    kind, a, k, m = rng.choice([v for v in VARIANTS if v[0] == kind])
    return {"kind": kind, "a": a, "k": k, "m": m}


def solve(params: dict) -> Solved:
    kind, a, k, m = params["kind"], params["a"], params["k"], params["m"]
    top, bottom = quotient(params)
    d_top, d_bottom = sympy.diff(top, X).subs(X, a), sympy.diff(bottom, X).subs(X, a)
    if kind == "determinate":
        limit = top.subs(X, a) / bottom.subs(X, a)
        mistakes = [
            slip(
                "lhopital_misapplied",
                "L'Hôpital's rule holds only for 0/0 or ∞/∞; here the denominator is not 0, so "
                "the limit is the plain quotient.",
                d_top / d_bottom,
            )
        ]
    elif kind == "cos":
        limit = sympy.Rational(k * k, 2 * m)
        mistakes = [
            slip(
                "missing_chain_factor",
                "d/dx cos(kx) = −k·sin(kx): each of the two derivatives brings a factor k.",
                sympy.Rational(k, 2 * m),
            )
        ]
    else:
        limit = d_top / d_bottom
        chain = {"exp": sympy.exp(k * a) / d_bottom, "sin": sympy.Rational(1, m)}.get(kind)
        mistakes = [
            slip(
                "inverted",
                "the ratio is f'/g' (numerator's derivative on top), not g'/f'.",
                d_bottom / d_top,
            ),
            slip(
                "missing_chain_factor",
                "the derivative of the inner kx brings a factor k.",
                chain,
            )
            if chain is not None
            else None,
        ]
    parts = [
        part(
            AnswerKind.CHOICE,
            "form",
            "What does substituting x = a directly give?",
            "b" if kind == "determinate" else "a",
            options=FORMS,
        ),
        real("limit", "The limit", limit, *mistakes),
    ]
    facts = {
        "top": top,
        "bottom": bottom,
        "top_at": top.subs(X, a),
        "bottom_at": bottom.subs(X, a),
        "d_top": sympy.diff(top, X),
        "d_bottom": sympy.diff(bottom, X),
        "d_top_at": d_top,
        "d_bottom_at": d_bottom,
        "second_top": sympy.diff(top, X, 2),
        "limit": limit,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="limits_lhopital",
    chapter="calculus",
    title="Limits with L'Hôpital's rule",
    book_refs=("CAL-Q11",),
    params=(
        Param("kind", "the kind of quotient", "choice", options=KINDS),
        Param("a", "the point x → a", "integer", low=-20, high=20),
        Param("k", "the parameter k of the numerator", "integer", low=-20, high=20),
        Param("m", "the parameter m of the denominator", "integer", low=-20, high=20),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=len(VARIANTS),
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"kind": "log", "a": 1, "k": 1, "m": 1},
)
