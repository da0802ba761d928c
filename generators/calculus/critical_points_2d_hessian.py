"""The stationary point of a quadratic f(x, y) and its type from the Hessian.

The second-derivative test is how a candidate shows they understand curvature (and why saddle
points, not local minima, trouble high-dimensional training). Varies CAL-Q18 (2x² − xy + y²: the
only stationary point is (0, 0), a minimum, det H = 7 > 0; book_params). The drawn quadratic
a·x² + b·xy + c·y² + d·x + e·y + g has its stationary point at whole numbers and comes out a
minimum, a maximum or a saddle.

Slips caught: a sign error solving the linear system, the Hessian's diagonal not doubled
(∂²(a·x²)/∂x² = 2a, not a), the off-diagonal doubled (∂²(b·xy)/∂x∂y = b, not 2b) and the
coordinates swapped.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind

X, Y = sympy.symbols("x y")
TYPES = (("a", "a local minimum"), ("b", "a local maximum"), ("c", "a saddle point"))
NAMES = ("a", "b", "c", "d", "e", "g")


def function_of(params: dict) -> sympy.Expr:
    a, b, c, d, e, g = (params[name] for name in NAMES)
    return a * X**2 + b * X * Y + c * Y**2 + d * X + e * Y + g


def determinant(a, b, c) -> int:
    return 4 * a * c - b**2


def check(params: dict) -> None:
    if determinant(params["a"], params["b"], params["c"]) == 0:
        raise ParamError("b", "4ac − b² = 0: the Hessian is singular and the test says nothing")


def draw(rng: Random) -> dict:
    target = rng.choice("abc")  # minimum, maximum, saddle equally often
    while True:
        a, c = (rng.choice((1, 2, 3, -1, -2, -3)) for _ in range(2))
        b = rng.randint(-4, 4)
        if determinant(a, b, c) != 0 and kind(a, determinant(a, b, c)) == target:
            break
    p, q = rng.randint(-3, 3), rng.randint(-3, 3)
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": -(2 * a * p + b * q),
        "e": -(b * p + 2 * c * q),
        "g": rng.randint(-5, 5),
    }


def stationary(a, b, c, d, e) -> tuple[sympy.Rational, sympy.Rational]:
    """Solve 2a·x + b·y = −d, b·x + 2c·y = −e by Cramer's rule."""
    det = determinant(a, b, c)
    return sympy.Rational(-d * 2 * c + e * b, det), sympy.Rational(-e * 2 * a + d * b, det)


def kind(a: int, det: int) -> str:
    if det < 0:
        return "c"
    return "a" if a > 0 else "b"


def solve(params: dict) -> Solved:
    a, b, c, d, e, g = (params[name] for name in NAMES)
    det = determinant(a, b, c)
    x0, y0 = stationary(a, b, c, d, e)
    f = function_of(params)
    value = f.subs({X: x0, Y: y0})
    parts = [
        part(
            AnswerKind.VECTOR,
            "point",
            "The stationary point (x, y)",
            (x0, y0),
            slip("sign", "a sign slipped solving ∇f = 0: check 2a·x + b·y + d = 0.", (-x0, -y0)),
            slip("swapped", "the coordinates are swapped: give (x, y).", (y0, x0)),
            hint="two numbers: [x, y]",
        ),
        real(
            "det",
            "The determinant of the Hessian, det H",
            det,
            slip(
                "diagonal_not_doubled",
                "∂²(a·x²)/∂x² = 2a: the diagonal entries are 2a and 2c, not a and c.",
                a * c - b**2,
            ),
            slip(
                "offdiagonal_doubled",
                "∂²(b·xy)/∂x∂y = b: the off-diagonal entry is b, not 2b.",
                4 * a * c - 4 * b**2,
            ),
        ),
        part(
            AnswerKind.CHOICE,
            "type",
            "The type of the stationary point",
            kind(a, det),
            options=TYPES,
        ),
        real("value", "The value of f at the stationary point", value),
    ]
    facts = {
        "f": f,
        "fx": sympy.diff(f, X),
        "fy": sympy.diff(f, Y),
        "hessian": ((2 * a, b), (b, 2 * c)),
        "det": det,
        "point": (x0, y0),
        "value": value,
        "type": dict(TYPES)[kind(a, det)],
        "key": kind(a, det),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="critical_points_2d_hessian",
    chapter="calculus",
    title="Stationary point of a quadratic and the Hessian test",
    book_refs=("CAL-Q18",),
    params=tuple(
        Param(name, meaning, "integer", low=-50, high=50)
        for name, meaning in zip(
            NAMES,
            ("coefficient of x²", "coefficient of xy", "coefficient of y²", "coefficient of x")
            + ("coefficient of y", "constant term"),
            strict=True,
        )
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={"a": 2, "b": -1, "c": 1, "d": 0, "e": 0, "g": 0},
)
