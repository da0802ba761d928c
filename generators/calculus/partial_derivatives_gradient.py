"""Partial derivatives, the gradient at a point and a directional derivative of f(x, y).

The most common calculus question in a deep-learning interview: hold one variable fixed,
differentiate in the other, assemble the gradient and project it on a direction. Varies CAL-Q12
(∂/∂x of x²y + xy + 8y), CAL-Q13 (the gradient of xy² − y² + x³; the directional derivative of
xy² − y − 1 at (−1, 0) along (1, 1), which is −1/√2), CAL-Q14 (3 sin²(x − y)) and CAL-Q15
(2 sin x sin y). The function is a sum of monomials c·xᵃ·yᵇ plus at most one of the book's
trigonometric terms, so the structure (number of terms, powers, a chain-rule term) varies.

Slips caught: answering the other partial, keeping a term that does not contain the variable
(it is a constant and differentiates to 0), not lowering the power, the missing inner or outer
factor of a chain rule, the gradient's components swapped, and above all the book's pitfall:
projecting on the direction without normalising it (−1 instead of −1/√2).
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain

X, Y = sympy.symbols("x y")
SYMBOLS = (("x", Domain.REAL), ("y", Domain.REAL))
HINT = "an expression in x and y: x^2*y, 2x y, sin(x - y)^2, cos(x*y)"
MAX_POWER = 3

# The book's trigonometric terms, each with its slip: (term, chain-rule slip of ∂x, of ∂y).
TRIG = ("none", "sin_sq_diff", "sin_sin", "cos_prod")
DIRECTIONS = (
    (1, 1),
    (1, -1),
    (-1, 1),
    (1, 2),
    (2, 1),
    (-1, 2),
    (2, -1),
    (1, 3),
    (3, 1),
    (3, 4),
    (4, 3),
    (-3, 4),
    (4, -3),
    (5, 12),
    (12, -5),
    (2, 2),
)


def trig_term(kind: str, k: int) -> sympy.Expr:
    return {
        "none": sympy.Integer(0),
        "sin_sq_diff": k * sympy.sin(X - Y) ** 2,
        "sin_sin": k * sympy.sin(X) * sympy.sin(Y),
        "cos_prod": k * sympy.cos(X * Y),
    }[kind]


def trig_derivative(kind: str, k: int, var: sympy.Symbol) -> sympy.Expr:
    """∂/∂var of the trig term, from the table of derivatives (sympy.diff is slow here: a
    variant is built for every seed the tests sweep)."""
    if kind == "sin_sq_diff":
        sign = 1 if var == X else -1
        return sign * 2 * k * sympy.sin(X - Y) * sympy.cos(X - Y)
    if kind == "sin_sin":
        return k * sympy.cos(X) * sympy.sin(Y) if var == X else k * sympy.sin(X) * sympy.cos(Y)
    if kind == "cos_prod":
        return -k * (Y if var == X else X) * sympy.sin(X * Y)
    return sympy.Integer(0)


def polynomial_derivative(terms: list[list[int]], var: sympy.Symbol) -> sympy.Expr:
    """The power rule on each monomial c·xᵃ·yᵇ."""
    if var == X:
        return polynomial([[c * a, a - 1, b] for c, a, b in terms if a])
    return polynomial([[c * b, a, b - 1] for c, a, b in terms if b])


def derivative(params: dict, var: sympy.Symbol) -> sympy.Expr:
    return polynomial_derivative(params["terms"], var) + trig_derivative(
        params["trig"], params["trig_coef"], var
    )


def trig_slip(kind: str, k: int, var: sympy.Symbol) -> tuple[sympy.Expr, str] | None:
    """The trig term's derivative in ``var`` as the classic chain-rule slip gives it, and why."""
    if kind == "sin_sq_diff":
        if var == X:
            why = "d/du sin²u = 2·sin u·cos u: the cos(x − y) factor is missing."
            return 2 * k * sympy.sin(X - Y), why
        why = "the inner derivative of x − y in y is −1: the sign of that term is lost."
        return 2 * k * sympy.sin(X - Y) * sympy.cos(X - Y), why
    if kind == "sin_sin":
        why = "only the factor that holds the variable is differentiated; the other is a constant."
        return k * sympy.cos(X) * sympy.cos(Y), why
    if kind == "cos_prod":
        other = Y if var == X else X
        why = f"the inner derivative of x·y is {other}: that factor is missing."
        return -k * sympy.sin(X * Y), why
    return None


def polynomial(terms: list[list[int]]) -> sympy.Expr:
    return sum((c * X**a * Y**b for c, a, b in terms), sympy.Integer(0))


def draw(rng: Random) -> dict:
    while True:
        kind = rng.choice(TRIG) if rng.random() < 0.35 else "none"
        count = rng.randint(1, 2) if kind != "none" else rng.randint(2, 4)
        powers = [(a, b) for a in range(MAX_POWER + 1) for b in range(MAX_POWER + 1) if a + b <= 4]
        chosen = rng.sample(powers, count)
        terms = [[rng.choice((1, 1, 2, 3, 4, 5, 8, -1, -1, -2, -3, -4)), a, b] for a, b in chosen]
        params = {
            "terms": terms,
            "trig": kind,
            "trig_coef": 0 if kind == "none" else rng.choice((1, 2, 3, -1, -2)),
            "point": [rng.randint(-3, 3), rng.randint(-3, 3)],
            "direction": list(rng.choice(DIRECTIONS)),
        }
        try:
            check(params)
        except ParamError:
            continue
        gradient = gradient_at(params)
        if all(g == 0 for g in gradient) or max(abs(float(g)) for g in gradient) > 150:
            continue
        if sum(g * v for g, v in zip(gradient, params["direction"], strict=True)) == 0:
            continue
        return params


def function_of(params: dict) -> sympy.Expr:
    return polynomial(params["terms"]) + trig_term(params["trig"], params["trig_coef"])


def gradient_at(params: dict) -> list[sympy.Expr]:
    at = dict(zip((X, Y), params["point"], strict=True))
    return [derivative(params, var).subs(at) for var in (X, Y)]


def check(params: dict) -> None:
    terms = params["terms"]
    for c, a, b in terms:
        if c == 0 or not (0 <= a <= MAX_POWER and 0 <= b <= MAX_POWER):
            raise ParamError(
                "terms",
                f"each row is [coefficient, power of x, power of y] with a non-zero coefficient "
                f"and powers 0–{MAX_POWER}; got [{c}, {a}, {b}]",
            )
    if len({(a, b) for _, a, b in terms}) != len(terms):
        raise ParamError("terms", "two rows have the same powers: add their coefficients")
    if (params["trig"] == "none") != (params["trig_coef"] == 0):
        raise ParamError(
            "trig_coef", "must be 0 exactly when trig is 'none' (it multiplies the trig term)"
        )
    f = function_of(params)
    if not {X, Y} <= f.free_symbols:
        raise ParamError("terms", "f must depend on both x and y, or one partial is just 0")
    if params["direction"] == [0, 0]:
        raise ParamError("direction", "the zero vector has no direction; give e.g. [1, 1]")


def partial_part(params: dict, var: sympy.Symbol, other: sympy.Symbol) -> sympy.Expr:
    name, other_name = str(var), str(other)
    exact = derivative(params, var)
    terms = params["terms"]
    trig_d = trig_derivative(params["trig"], params["trig_coef"], var)
    index = 1 if var == X else 2
    constants = sum((c * X**a * Y**b for c, a, b in terms if (a, b)[index - 1] == 0), 0)
    unlowered = sum(
        (c * e * X**a * Y**b for c, a, b in terms if (e := (a, b)[index - 1])),
        sympy.Integer(0),
    )
    chain = trig_slip(params["trig"], params["trig_coef"], var)
    at = dict(zip((X, Y), params["point"], strict=True))
    return part(
        AnswerKind.EXPRESSION,
        f"d{name}",
        f"The partial derivative ∂f/∂{name} (in x and y)",
        exact,
        slip("chain_rule_missed", chain[1], exact - trig_d + chain[0]) if chain else None,
        slip(
            "other_partial",
            f"that is ∂f/∂{other_name}: for ∂f/∂{name} differentiate in {name} "
            f"and hold {other_name} fixed.",
            derivative(params, other),
        ),
        slip(
            "constant_not_dropped",
            f"a term without {name} is a constant for ∂/∂{name}: its derivative is 0.",
            exact + constants,
        )
        if constants != 0
        else None,
        slip(
            "power_not_lowered",
            f"the power rule lowers the power: ∂/∂{name} {name}ⁿ = n·{name}ⁿ⁻¹, not n·{name}ⁿ.",
            unlowered + trig_d,
        )
        if unlowered != 0
        else None,
        symbols=SYMBOLS,
        hint=HINT,
        probe_values=tuple((str(s), v) for s, v in at.items()),
    )


def solve(params: dict) -> Solved:
    f = function_of(params)
    x0, y0 = params["point"]
    v1, v2 = params["direction"]
    gradient = gradient_at(params)
    norm = sympy.sqrt(v1**2 + v2**2)
    along = gradient[0] * v1 + gradient[1] * v2
    directional = along / norm
    point = {"x0": x0, "y0": y0}
    parts = [
        partial_part(params, X, Y),
        partial_part(params, Y, X),
        part(
            AnswerKind.VECTOR,
            "gradient",
            prompt("The gradient ∇f at ({{ x0 }}, {{ y0 }}), as [∂f/∂x, ∂f/∂y]", **point),
            tuple(gradient),
            slip(
                "swapped_components",
                "the components are swapped: ∇f lists ∂f/∂x first, then ∂f/∂y.",
                tuple(reversed(gradient)),
            ),
            slip(
                "sign",
                "that is −∇f, the direction of steepest descent.",
                tuple(-g for g in gradient),
            ),
        ),
        real(
            "directional",
            prompt(
                "The directional derivative of f at ({{ x0 }}, {{ y0 }}) in the direction of "
                "v = ({{ v1 }}, {{ v2 }})",
                v1=v1,
                v2=v2,
                **point,
            ),
            directional,
            slip(
                "unnormalised_direction",
                "that is ∇f·v with v as given; the direction must be a unit vector, so divide "
                "by |v|.",
                along,
            ),
            slip(
                "gradient_norm",
                "that is |∇f|, the rate along the gradient itself (the steepest rate), not "
                "along v.",
                sympy.sqrt(sum(g**2 for g in gradient)),
            ),
        ),
    ]
    terms = [c * X**a * Y**b for c, a, b in params["terms"]]
    pieces = [
        (term, polynomial_derivative([row], X), polynomial_derivative([row], Y))
        for term, row in zip(terms, params["terms"], strict=True)
    ]
    if params["trig"] != "none":
        kind, k = params["trig"], params["trig_coef"]
        pieces.append(
            (trig_term(kind, k), trig_derivative(kind, k, X), trig_derivative(kind, k, Y))
        )
    facts = {
        "f": f,
        "pieces": pieces,
        "dx": derivative(params, X),
        "dy": derivative(params, Y),
        "gradient": gradient,
        "norm": norm,
        "norm_squared": v1**2 + v2**2,
        "along": along,
        "directional": directional,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="partial_derivatives_gradient",
    chapter="calculus",
    title="Partial derivatives, gradient and directional derivative",
    book_refs=("CAL-Q12", "CAL-Q13", "CAL-Q14", "CAL-Q15"),
    params=(
        Param(
            "terms",
            "the monomials of f: rows [coefficient, power of x, power of y]",
            "matrix",
            low=-99,
            high=99,
            length=(0, 6),
            cols=(3, 3),
            integer=True,
        ),
        Param("trig", "an added trigonometric term", "choice", options=TRIG),
        Param("trig_coef", "the coefficient of the trigonometric term", "integer", low=-9, high=9),
        Param("point", "the point (x, y)", "integers", low=-9, high=9, length=(2, 2)),
        Param("direction", "the direction vector v", "integers", low=-20, high=20, length=(2, 2)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "terms": [[1, 1, 2], [-1, 0, 1], [-1, 0, 0]],
        "trig": "none",
        "trig_coef": 0,
        "point": [-1, 0],
        "direction": [1, 1],
    },
)
