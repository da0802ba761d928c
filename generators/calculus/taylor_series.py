"""Taylor polynomials: build T_N about a centre, read off one coefficient, use it to estimate.

Taylor expansion is what first- and second-order optimisers (and dual numbers) rest on, and the
book drills it on the standard functions. Varies CAL-Q6 (1/(1 − x), eˣ, sin x, cos x), CAL-Q7
(ln x), CAL-Q8 (5x² − 11x + 1 about −3: 79 − 41(x + 3) + 5(x + 3)²), CAL-Q9 (the degree-101
Maclaurin polynomial of cos: even powers only, so its top coefficient is that of x¹⁰⁰) and
CAL-Q10 (the first seven terms of ln 3x about 1: ln 3 + Σₙ₌₁..₆ (−1)ⁿ⁺¹(x − 1)ⁿ/n; book_params).

Slips caught: the n! left out of the coefficients, powers of x instead of (x − a), the series
about 0 instead of about a, a term too many when "the first n terms" is read as degree n (the
constant is the first term), a term too few when "degree N" is read as N terms, the sign of an
alternating coefficient, and the function's exact value given instead of the polynomial's.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain
from interview_sim.render import expr

X = sympy.Symbol("x")
FUNCTIONS = ("poly", "exp", "sin", "cos", "geometric", "ln")
CENTRES = {
    "0": sympy.Integer(0),
    "1": sympy.Integer(1),
    "2": sympy.Integer(2),
    "3": sympy.Integer(3),
    "-1": sympy.Integer(-1),
    "-2": sympy.Integer(-2),
    "-3": sympy.Integer(-3),
    "1/2": sympy.Rational(1, 2),
    "pi/6": sympy.pi / 6,
    "pi/4": sympy.pi / 4,
    "pi/3": sympy.pi / 3,
    "pi/2": sympy.pi / 2,
    "pi": sympy.pi,
}
# functions whose every Taylor coefficient is non-zero, so "the first n terms" is unambiguous
ALL_POWERS = ("exp", "geometric", "ln")
MAX_TYPED_DEGREE = 8  # beyond this the polynomial is no answer to type: only its coefficients


def function_of(params: dict) -> sympy.Expr:
    kind, k = params["function"], params["scale"]
    if kind == "poly":
        return sum((c * X**n for n, c in enumerate(params["coefficients"])), sympy.Integer(0))
    return {
        "exp": sympy.exp(k * X),
        "sin": sympy.sin(X),
        "cos": sympy.cos(X),
        "geometric": 1 / (1 - X),
        "ln": sympy.log(k * X),
    }[kind]


def coefficients(f: sympy.Expr, a: sympy.Expr, degree: int) -> list[sympy.Expr]:
    """f⁽ⁿ⁾(a)/n! for n = 0 … degree."""
    out, derivative = [], f
    for n in range(degree + 1):
        out.append(derivative.subs(X, a) / sympy.factorial(n))
        derivative = sympy.diff(derivative, X)
    return out


def polynomial(c: list[sympy.Expr], a: sympy.Expr, base: sympy.Expr | None = None) -> sympy.Expr:
    base = X - a if base is None else base
    return sum((_term(cn, base, n) for n, cn in enumerate(c)), sympy.Integer(0))


def _term(cn: sympy.Expr, base: sympy.Expr, n: int) -> sympy.Expr:
    """cn·baseⁿ in a form whose text reads back as the same tree: 2·e⁴·(x − 2) prints as
    "2*(x - 2)*exp(4)", which a parser turns into (2x − 4)·e⁴, so that one term is expanded."""
    term = cn * base**n
    if term.is_Mul and len(term.args) > 2 and term.args[0].is_Number and base in term.args:
        return sympy.expand(term)
    return term


def check(params: dict) -> None:
    kind, k, a = params["function"], params["scale"], CENTRES[params["centre"]]
    if kind == "poly":
        c = params["coefficients"]
        if not c or c[-1] == 0 or len(c) < 2:
            raise ParamError("coefficients", "give c0, c1, … with a non-zero last coefficient")
    elif params["coefficients"]:
        raise ParamError("coefficients", f"must be [] for {kind} (only a polynomial has them)")
    if kind in ("exp", "ln") and k < 1 or kind not in ("exp", "ln") and k != 1:
        raise ParamError("scale", "must be ≥ 1 for exp(kx) and ln(kx), and 1 otherwise")
    if kind == "ln" and not a > 0:
        raise ParamError("centre", "ln(kx) needs a positive centre")
    if kind == "geometric" and a == 1:
        raise ParamError("centre", "1/(1 − x) is undefined at x = 1")
    if params["phrasing"] == "terms" and kind not in ALL_POWERS:
        raise ParamError(
            "phrasing", f"'terms' needs every power present ({', '.join(ALL_POWERS)}); use 'degree'"
        )
    if params["index"] > params["degree"]:
        raise ParamError("index", "must be at most the degree")
    radius = {"ln": a, "geometric": abs(1 - a)}.get(kind)
    if radius is not None and not abs(params["step"]) < radius:
        raise ParamError(
            "step", f"x = a + step must stay within the radius of convergence {radius}"
        )
    f = function_of(params)
    if coefficients(f, a, params["index"])[-1] == 0:
        raise ParamError("index", "that coefficient is 0; ask for a power that is present")


def draw(rng: Random) -> dict:
    while True:
        kind = rng.choice(FUNCTIONS)
        trig = kind in ("sin", "cos")
        centre = rng.choice(
            ("0", "pi/6", "pi/4", "pi/3", "pi/2", "pi")
            if trig
            else ("1", "2", "3", "1/2")
            if kind == "ln"
            else ("0", "1", "2", "-1", "-2", "-3", "1/2")
        )
        coefficients_ = []
        if kind == "poly":
            coefficients_ = [rng.randint(-12, 12) for _ in range(rng.randint(3, 4))]
            coefficients_[-1] = rng.choice((1, 2, 3, 4, 5, -1, -2, -3))
        degree = len(coefficients_) - 1 if kind == "poly" else rng.randint(2, 5)
        params = {
            "function": kind,
            "coefficients": coefficients_,
            "scale": rng.choice((1, 1, 2, 3)) if kind in ("exp", "ln") else 1,
            "centre": centre,
            "degree": degree,
            "phrasing": rng.choice(("degree", "terms")) if kind in ALL_POWERS else "degree",
            "index": rng.randint(2, degree),
            "step": sympy.Rational(rng.choice((1, 2, 3, 4, 5, -1, -2, -3, -4, -5)), 10),
        }
        try:
            check(params)
        except ParamError:
            continue
        return params


def solve(params: dict) -> Solved:
    kind, degree, index = params["function"], params["degree"], params["index"]
    a = CENTRES[params["centre"]]
    f = function_of(params)
    terms = params["phrasing"] == "terms"
    c = coefficients(f, a, degree + 1)
    taylor = polynomial(c[: degree + 1], a)
    x1 = a + params["step"]
    estimate = taylor.subs(X, x1)
    wrong_count = polynomial(c[: degree + 2] if terms else c[:degree], a)
    parts = []
    if degree <= MAX_TYPED_DEGREE:
        factorial_free = [cn * sympy.factorial(n) for n, cn in enumerate(c[: degree + 1])]
        maclaurin = (
            polynomial(coefficients(f, sympy.Integer(0), degree), 0)
            if a != 0 and kind not in ("ln",)
            else None
        )
        parts.append(
            part(
                AnswerKind.EXPRESSION,
                "polynomial",
                prompt(
                    "The first {{ n }} terms of the Taylor series about x = {{ a | expr }}"
                    if terms
                    else "The Taylor polynomial of degree {{ n }} about x = {{ a | expr }}",
                    n=degree + 1 if terms else degree,
                    a=a,
                ),
                taylor,
                slip(
                    "terms_miscounted",
                    "the constant is the first term, so n terms stop at the power n − 1."
                    if terms
                    else f"a polynomial of degree {degree} goes up to the power {degree} "
                    f"({degree + 1} terms with the constant).",
                    wrong_count,
                ),
                slip(
                    "missing_factorial",
                    "each coefficient is f⁽ⁿ⁾(a)/n!: the n! is missing.",
                    polynomial(factorial_free, a),
                ),
                slip(
                    "powers_of_x",
                    "the expansion about a is in powers of (x − a), not of x.",
                    polynomial(c[: degree + 1], a, X),
                )
                if a != 0
                else None,
                slip(
                    "expanded_about_zero",
                    "that is the expansion about 0 (Maclaurin); the centre here is a.",
                    maclaurin,
                )
                if maclaurin is not None
                else None,
                symbols=(("x", Domain.REAL),),
                hint="an expression in x: 1 + (x - 2) - (x - 2)^2/2, ln(3) + x - 1",
            )
        )
    coefficient = c[index]
    parts.append(
        real(
            "coefficient",
            prompt(
                "The coefficient of {{ power }} in the series",
                power=power_text(a, index),
            ),
            coefficient,
            slip(
                "missing_factorial",
                f"that is f⁽{index}⁾(a) itself; the coefficient divides it by {index}!.",
                coefficient * sympy.factorial(index),
            ),
            slip(
                "sign",
                "the sign is wrong: count the minus signs the derivatives bring.",
                -coefficient,
            ),
        )
    )
    parts.append(
        real(
            "estimate",
            prompt(
                "The value of that polynomial at x = {{ x1 | expr }}"
                + ("" if kind == "poly" else ", as an estimate of f({{ x1 | expr }})"),
                x1=x1,
            ),
            estimate,
            slip(
                "exact_value_not_polynomial",
                "that is f itself at that point; the question asks what the polynomial gives.",
                f.subs(X, x1),
            ),
        )
    )
    rows = []
    derivative = f
    for n in range(min(degree, MAX_TYPED_DEGREE) + 1):
        rows.append({"n": n, "derivative": derivative, "at": c[n] * sympy.factorial(n), "c": c[n]})
        derivative = sympy.diff(derivative, X)
    facts = {
        "f": f,
        "a": a,
        "x1": x1,
        "taylor": taylor,
        "series": series_text(c[: degree + 1], a) if degree <= MAX_TYPED_DEGREE else "",
        "estimate": estimate,
        "exact": f.subs(X, x1),
        "rows": rows,
        "coefficient": coefficient,
        "power": power_text(a, index),
        "terms": degree + 1,
        "shown": len(rows),
    }
    return Solved(parts, facts)


def series_text(c: list[sympy.Expr], a: sympy.Expr) -> str:
    """c0 + c1·(x − a) + c2·(x − a)² … kept in powers of (x − a): sympy would merge the first
    two terms into a polynomial in x, hiding the very form the question asks for."""
    pieces = []
    for n, cn in enumerate(c):
        if cn == 0:
            continue
        negative = cn.could_extract_minus_sign()
        size = expr(-cn if negative else cn)
        if n and size == "1":
            body = power_text(a, n)
        elif n:
            size = f"({size})" if any(op in size for op in "+−-/") else size
            body = f"{size}·{power_text(a, n)}"
        else:
            body = size
        sign = "−" if negative else "+"
        pieces.append(f"{sign} {body}" if pieces else f"−{body}" if negative else body)
    return " ".join(pieces) if pieces else "0"


def power_text(a: sympy.Expr, n: int) -> str:
    """(x − a)ⁿ as written by hand: x⁵, (x + 3)², (x − π/2)."""
    superscript = "" if n == 1 else str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    if a == 0:
        return f"x{superscript}"
    sign = "−" if a > 0 else "+"
    return f"(x {sign} {expr(abs(a))}){superscript}"


FAMILY = Family(
    id="taylor_series",
    chapter="calculus",
    title="Taylor polynomials",
    book_refs=("CAL-Q6", "CAL-Q7", "CAL-Q8", "CAL-Q9", "CAL-Q10"),
    params=(
        Param(
            "function",
            "the function expanded (geometric is 1/(1 − x))",
            "choice",
            options=FUNCTIONS,
        ),
        Param(
            "coefficients",
            "c0, c1, … of a polynomial f ([] otherwise)",
            "integers",
            low=-99,
            high=99,
            length=(0, 6),
        ),
        Param("scale", "k in exp(kx) or ln(kx) (1 otherwise)", "integer", low=1, high=9),
        Param("centre", "the centre a", "choice", options=tuple(CENTRES)),
        Param("degree", "the degree N of the polynomial", "integer", low=1, high=120),
        Param(
            "phrasing",
            "ask for 'degree N' or 'the first N + 1 terms'",
            "choice",
            options=("degree", "terms"),
        ),
        Param("index", "the power whose coefficient is asked", "integer", low=0, high=120),
        Param("step", "the estimate is at x = a + step", low=-1, high=1),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "function": "ln",
        "coefficients": [],
        "scale": 3,
        "centre": "1",
        "degree": 6,
        "phrasing": "terms",
        "index": 6,
        "step": 0.1,
    },
)
