"""Evaluate a function on a dual number x + ẋε (ε² = 0): the value and the derivative in one pass.

Dual numbers are the algebra behind forward-mode autodiff, and the book asks candidates to
expand f(x + ẋε) = f(x) + f'(x)·ẋ·ε by hand. Varies CAL-Q27 (sin(x + ẋε) = sin x + ẋ cos x ε;
3x + 2 at 2 gives 8 + 3ε) and CAL-Q28 (5x² + 4x + 1 at 5 gives 146 + 54ε; book_params). The
function is a polynomial of degree 1–3 plus, optionally, k·sin(ax), k·cos(ax), k·e^(ax) or
k·ln(ax), so the expansion uses different rules from one variant to the next; the seed ẋ varies.

Slips caught: keeping the ε² (and ε³) terms, which the book names as the pitfall; forgetting
the seed ẋ; setting ε = 1 (evaluating f(x0 + ẋ)); and the real part typed for the ε part.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Domain

X, XDOT = sympy.symbols("x xdot")
DOT = sympy.Symbol("ẋ")
FUNCTIONS = ("none", "sin", "cos", "exp", "ln")
HINT = "an expression in x and xdot (for ẋ): 2*xdot*x, xdot*cos(x)"
WHY_SQUARED = "ε² = 0 for a dual number (and so every higher power): only the ε¹ term survives."


def elementary(params: dict) -> sympy.Expr:
    kind, k, a = params["function"], params["k"], params["a"]
    inner = a * X
    return {
        "none": sympy.Integer(0),
        "sin": k * sympy.sin(inner),
        "cos": k * sympy.cos(inner),
        "exp": k * sympy.exp(inner),
        "ln": k * sympy.log(inner),
    }[kind]


def function_of(params: dict) -> sympy.Expr:
    poly = sum((c * X**n for n, c in enumerate(params["coefficients"])), sympy.Integer(0))
    return poly + elementary(params)


def check(params: dict) -> None:
    kind, k, a = params["function"], params["k"], params["a"]
    if (kind == "none") != (k == 0):
        raise ParamError("k", "must be 0 exactly when function is 'none' (it multiplies it)")
    if (kind == "none") != (a == 0):
        raise ParamError("a", "must be 0 exactly when function is 'none' (the argument is a·x)")
    if params["seed"] == 0:
        raise ParamError("seed", "must not be 0: the seed ẋ = 0 carries no derivative")
    if kind == "ln" and (a < 0 or params["x0"] * a <= 0):
        raise ParamError("x0", "ln(a·x) needs a > 0 and x0 > 0")
    if X not in function_of(params).free_symbols:
        raise ParamError("coefficients", "f must depend on x (a constant has derivative 0)")


def draw(rng: Random) -> dict:
    while True:
        kind = rng.choice(FUNCTIONS)
        degree = rng.randint(1, 3) if kind == "none" else rng.randint(0, 2)
        coefficients = [rng.randint(-5, 6) for _ in range(degree + 1)]
        if degree and coefficients[-1] == 0:
            continue
        params = {
            "coefficients": coefficients,
            "function": kind,
            "k": 0 if kind == "none" else rng.choice((1, 1, 2, 3, -1, -2)),
            "a": 0 if kind == "none" else rng.choice((1, 1, 2, 3) if kind == "ln" else (1, 2, -1)),
            "x0": rng.randint(1, 4) if kind == "ln" else rng.randint(-3, 5),
            "seed": rng.choice((1, 1, 2, 3, -1)),
        }
        try:
            check(params)
        except ParamError:
            continue
        f = function_of(params)
        value = f.subs(X, params["x0"])
        slope = params["seed"] * sympy.diff(f, X).subs(X, params["x0"])
        if slope != 0 and value != slope and abs(value) + abs(slope) < 400:
            return params


def dual_text(x0: int, seed: int) -> str:
    """x0 + ẋε as written by hand: 5 + ε, −1 − 2ε."""
    sign = "+" if seed > 0 else "−"
    size = "" if abs(seed) == 1 else str(abs(seed))
    return f"{x0} {sign} {size}ε".replace("-", "−")


def solve(params: dict) -> Solved:
    x0, seed = params["x0"], params["seed"]
    f = function_of(params)
    derivatives = [f]
    for _ in range(3):
        derivatives.append(sympy.diff(derivatives[-1], X))
    # coefficient of εⁿ in the Taylor expansion of f(x + ẋε), before ε² = 0 removes n ≥ 2
    eps = [derivatives[n] * XDOT**n / sympy.factorial(n) for n in range(4)]
    tangent = eps[1]
    kept = eps[1] + eps[2] + eps[3]
    at = {X: x0, XDOT: seed}
    value, slope = f.subs(X, x0), tangent.subs(at)
    dual_input = dual_text(x0, seed)
    # ε = 1 evaluates f(x0 + ẋ), which ln(a·x) may not allow
    shifted_defined = params["function"] != "ln" or params["a"] * (x0 + seed) > 0
    symbols = (("x", Domain.POSITIVE if params["function"] == "ln" else Domain.REAL),)
    symbols += (("xdot", Domain.REAL),)
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "tangent",
            "The coefficient of ε in f(x + ẋε), in terms of x and ẋ (type ẋ as xdot)",
            tangent,
            slip("kept_eps_squared", WHY_SQUARED, kept),
            slip(
                "seed_ignored",
                "the ε part carries the seed: it is f'(x)·ẋ, not f'(x).",
                eps[1] / XDOT,
            ),
            symbols=symbols,
            hint=HINT,
            probe_values=(("x", x0), ("xdot", seed)),
        ),
        real(
            "value",
            f"The real part of f({dual_input})",
            value,
            slip(
                "epsilon_as_one",
                "that is f(x0 + ẋ): ε is not a number to substitute; the real part is f(x0).",
                f.subs(X, x0 + seed),
            )
            if shifted_defined
            else None,
        ),
        real(
            "dual",
            f"The ε part of f({dual_input})",
            slope,
            slip("kept_eps_squared", WHY_SQUARED, kept.subs(at)),
            slip(
                "seed_ignored",
                f"the ε part is f'(x0)·ẋ with ẋ = {seed}, not f'(x0) alone.",
                derivatives[1].subs(X, x0),
            ),
            slip(
                "epsilon_as_one",
                "that is f(x0 + ẋ) − f(x0), a finite difference with step ẋ; the ε part is "
                "exactly f'(x0)·ẋ.",
                f.subs(X, x0 + seed) - value,
            )
            if shifted_defined
            else None,
            slip("real_part", "that is the real part f(x0); the ε part is f'(x0)·ẋ.", value),
        ),
    ]
    poly = [(c, n) for n, c in enumerate(params["coefficients"]) if c != 0]
    shown = {XDOT: DOT}  # ẋ in the solution; typed answers use xdot
    facts = {
        "f": f,
        "dual_input": dual_input,
        "df": derivatives[1],
        "tangent": tangent.subs(shown),
        "value": value,
        "slope": slope,
        "dfx0": derivatives[1].subs(X, x0),
        "kept_extra": (eps[2] + eps[3]).subs(at),
        "poly_terms": [(c * X**n, c * n * X ** max(n - 1, 0) * DOT) for c, n in poly],
        "elementary": elementary(params),
        "elementary_tangent": sympy.diff(elementary(params), X) * DOT,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="dual_number_evaluation",
    chapter="calculus",
    title="Dual numbers: value and derivative in one evaluation",
    book_refs=("CAL-Q27", "CAL-Q28", "CAL-Q26"),
    params=(
        Param(
            "coefficients",
            "polynomial coefficients c0, c1, … (f = c0 + c1·x + …)",
            "integers",
            low=-99,
            high=99,
            length=(1, 4),
        ),
        Param("function", "an added elementary term k·fn(a·x)", "choice", options=FUNCTIONS),
        Param("k", "coefficient of the elementary term", "integer", low=-9, high=9),
        Param("a", "the elementary term's argument is a·x", "integer", low=-5, high=5),
        Param("x0", "the real part of the dual input", "integer", low=-20, high=20),
        Param("seed", "the ε part ẋ of the dual input", "integer", low=-5, high=5),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"coefficients": [1, 4, 5], "function": "none", "k": 0, "a": 0, "x0": 5, "seed": 1},
)
