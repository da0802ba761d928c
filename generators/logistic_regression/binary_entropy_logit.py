"""Binary entropy and the logit: H(p) peaks at ½, and dH/dp = −logit(p).

Varies PRB-24 (where the binary entropy peaks and how its slope relates to the logit). The book
gives no numbers, so ``book_params`` is our own instance (p₀ = 0.1, in nats, the book's unit).
Drawn variants pick the point p₀ on a 0.01 grid and the unit (nats or bits). Asked: the maximiser,
the maximum, dH/dp as an expression, H(p₀) and the slope at p₀. Slips modelled: a log in the wrong
base (nats for bits and back, log10), the minus sign of −Σ p log p dropped, the slope's sign (that
is +logit(p)), and the peak value given for the peak's position.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import entropy_terms, in_base, part, prompt, real, slip, wrong_bases
from interview_sim.model import AnswerKind, Domain

P = sympy.Symbol("p", positive=True)
UNITS = {"nats": None, "bits": 2}
HALF = sympy.Rational(1, 2)


def draw(rng: Random) -> dict:
    k = rng.choice([k for k in range(1, 100) if k != 50])
    return {"p0": sympy.Rational(k, 100), "unit": rng.choice(tuple(UNITS))}


def check(params: dict) -> None:
    if params["p0"] == HALF:
        raise ParamError("p0", "at p₀ = ½ the slope is 0 and H(p₀) is the maximum: pick another p₀")


def log_in(x, base):
    return sympy.log(x) if base is None else sympy.log(x) / sympy.log(base)


def solve(params: dict) -> Solved:
    p0, unit = params["p0"], params["unit"]
    base = UNITS[unit]
    terms = entropy_terms([p0.p, p0.q - p0.p])  # p0 = a/D: weights a and D − a
    value = in_base(terms, base)
    peak = in_base(entropy_terms([1, 1]), base)
    derivative = log_in((1 - P) / P, base)
    slope = log_in((1 - p0) / p0, base)
    what = f"the entropy in {unit}"
    parts = [
        real(
            "argmax",
            "The p at which H(p) is largest",
            HALF,
            slip(
                "max_value_not_argmax",
                "that is the largest value of H, not where it is reached.",
                peak,
            ),
        ),
        real(
            "max_value",
            f"The largest value of H(p), in {unit}",
            peak,
            *wrong_bases(lambda b: in_base(entropy_terms([1, 1]), b), base, what),
        ),
        part(
            AnswerKind.EXPRESSION,
            "derivative",
            f"dH/dp as an expression in p (H in {unit})",
            derivative,
            slip(
                "sign",
                "that is +logit(p) = log(p/(1 − p)); the slope of H is −logit(p).",
                -derivative,
            ),
            *wrong_bases(lambda b: log_in((1 - P) / P, b), base, what),
            symbols=(("p", Domain.UNIT),),
            hint="an expression in p: ln(...) or log(x, 2) for log₂, / for division",
        ),
        real(
            "value",
            prompt("H(p₀) at p₀ = {{ p | num }}, in {{ unit }}", p=p0, unit=unit),
            value,
            slip(
                "missing_minus",
                "the entropy is −Σ p log p; that leaves out the minus sign.",
                -value,
            ),
            *wrong_bases(lambda b: in_base(terms, b), base, what),
        ),
        real(
            "slope",
            prompt("dH/dp at p₀ = {{ p | num }}", p=p0),
            slope,
            slip("sign", "that is +logit(p₀); the slope of H is −logit(p₀).", -slope),
            *wrong_bases(lambda b: log_in((1 - p0) / p0, b), base, what),
        ),
    ]
    facts = {
        "log": "ln" if base is None else "log₂",
        "value": value,
        "peak": peak,
        "slope": slope,
        "rising": p0 < HALF,
        "q0": 1 - p0,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="binary_entropy_logit",
    chapter="logistic_regression",
    title="Binary entropy, its maximum and its slope (the logit)",
    book_refs=("PRB-24",),
    params=(
        Param("p0", "the point p₀", low=0, high=1, open=True),
        Param("unit", "the unit of H: nats (ln) or bits (log₂)", "choice", options=tuple(UNITS)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    space=98 * 2,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"p0": 0.1, "unit": "nats"},
)
