"""The derivative from its definition: the difference quotient, its limit, the tangent line.

Interviewers ask for the definition before the rules: f'(c) = lim_{h→0} (f(c + h) − f(c))/h, the
instantaneous rate of change, and the tangent line it gives. Varies CAL-Q3 (g = 1/√x at 9 by the
limit: g'(9) = −1/54; book_params) and CAL-Q2 (the instantaneous rate and the tangent line); the
function is a polynomial of degree 2–3 or k/√x, k√x, k/x, and the point varies.

Slips caught: the quotient without the division by h, the secant slope over h = 1 taken for the
limit, the value f(c) given as the slope, and the tangent's intercept with the wrong sign of c.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain

X, H = sympy.symbols("x h")
KINDS = ("poly", "recip_sqrt", "sqrt", "recip")
SQUARES = (1, 4, 9, 16, 25, 36, 49, 64, 81, 100)


def function_of(params: dict) -> sympy.Expr:
    k = params["k"]
    if params["function"] == "poly":
        return sum((c * X**n for n, c in enumerate(params["coefficients"])), sympy.Integer(0))
    return {
        "recip_sqrt": k / sympy.sqrt(X),
        "sqrt": k * sympy.sqrt(X),
        "recip": k / X,
    }[params["function"]]


def check(params: dict) -> None:
    kind, c = params["function"], params["c"]
    if kind == "poly":
        coefficients = params["coefficients"]
        if len(coefficients) < 3 or coefficients[-1] == 0:
            raise ParamError("coefficients", "give c0, c1, c2[, c3] with a non-zero last one")
        if params["k"] != 1:
            raise ParamError("k", "must be 1 for a polynomial (the coefficients carry the scale)")
        return
    if params["coefficients"]:
        raise ParamError("coefficients", f"must be [] for {kind}")
    if params["k"] == 0:
        raise ParamError("k", "must not be 0")
    if kind in ("recip_sqrt", "sqrt") and not c > 0:
        raise ParamError("c", "√x needs a positive point c")
    if kind == "recip" and c == 0:
        raise ParamError("c", "1/x is undefined at 0")


def draw(rng: Random) -> dict:
    kind = rng.choice(("poly",) * 17 + ("recip_sqrt", "sqrt", "recip"))
    if kind == "poly":
        coefficients = [rng.randint(-6, 6) for _ in range(rng.choice((3, 3, 4)))]
        coefficients[-1] = rng.choice((1, 2, 3, -1, -2))
        c = rng.choice((-3, -2, -1, 1, 2, 3, 4))  # c = 0 would make the tangent's intercept f(0)
        return {"function": kind, "coefficients": coefficients, "k": 1, "c": c}
    c = rng.choice(SQUARES) if kind != "recip" else rng.choice([n for n in range(-9, 10) if n])
    k = rng.choice((1, 2, 3, 4, 5, 6, -1, -2, -3))
    return {"function": kind, "coefficients": [], "k": k, "c": c}


def solve(params: dict) -> Solved:
    c = params["c"]
    f = function_of(params)
    fc = f.subs(X, c)
    difference = f.subs(X, c + H) - fc
    quotient = (
        sympy.expand(sympy.cancel(difference / H))
        if params["function"] == "poly"
        else difference / H
    )
    rule = sympy.diff(f, X)  # the limit of the quotient; the rules give it directly
    slope = rule.subs(X, c)
    intercept = fc - slope * c
    domain = Domain.POSITIVE if params["function"] != "poly" else Domain.REAL
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "quotient",
            prompt(
                "The difference quotient (f({{ c }} + h) − f({{ c }}))/h, as an expression in h",
                c=c,
            ),
            quotient,
            slip(
                "no_division",
                "that is f(c + h) − f(c), the change in f; the quotient divides it by h.",
                sympy.expand(difference) if params["function"] == "poly" else difference,
            ),
            symbols=(("h", domain),),
            hint="an expression in h: 6 + h, (1/sqrt(9 + h) - 1/3)/h",
        ),
        real(
            "slope",
            prompt("f'({{ c }}), the limit of the quotient as h → 0", c=c),
            slope,
            slip(
                "secant_slope",
                "that is the quotient at h = 1, the slope of a secant; the derivative is its "
                "limit as h → 0.",
                quotient.subs(H, 1),
            )
            if params["function"] != "recip" or c != -1  # 1/x has no value at c + 1 = 0
            else None,
            slip("value_not_slope", "that is f(c), the value; the slope is f'(c).", fc),
        ),
        real(
            "intercept",
            "The y-intercept of the tangent line at that point",
            intercept,
            slip(
                "tangent_sign",
                "the tangent is y = f(c) + f'(c)(x − c): at x = 0 that is f(c) − f'(c)·c.",
                fc + slope * c,
            ),
        ),
    ]
    facts = {
        "f": f,
        "fc": fc,
        "shifted": f.subs(X, c + H),
        "expanded": sympy.expand(f.subs(X, c + H)) if params["function"] == "poly" else None,
        "difference": sympy.expand(difference) if params["function"] == "poly" else difference,
        "quotient": quotient,
        "slope": slope,
        "intercept": intercept,
        "line": slope * X + intercept,
        "rule": rule,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="limit_definition_derivative",
    chapter="calculus",
    title="The derivative from the limit definition",
    book_refs=("CAL-Q3", "CAL-Q2"),
    params=(
        Param("function", "the kind of f", "choice", options=KINDS),
        Param(
            "coefficients",
            "c0, c1, … of a polynomial f ([] otherwise)",
            "integers",
            low=-50,
            high=50,
            length=(0, 4),
        ),
        Param(
            "k", "the scale k of k/√x, k√x, k/x (1 for a polynomial)", "integer", low=-50, high=50
        ),
        Param("c", "the point c", "integer", low=-100, high=100),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"function": "recip_sqrt", "coefficients": [], "k": 1, "c": 9},
)
