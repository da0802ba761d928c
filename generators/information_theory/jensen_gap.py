"""Jensen's inequality on a small distribution: E[f(X)] against f(E[X]) and the gap between them.

Varies IT-Q31 and IT-Q32 (the book states Jensen's inequality and asks, true or false, whether it
proves D_KL ≥ 0; the numbers are ours, so ``book_params`` is our own instance). Drawn: a convex or
concave function (x², eˣ, −ln x, 1/x; ln x, √x) and a distribution of 2–4 values. Asked: E[f(X)],
f(E[X]), the gap E[f(X)] − f(E[X]), which of the two is larger, and the book's true/false.

Slips caught: the two quantities swapped, the values averaged without their probabilities, the gap
with its sign flipped, and the inequality the wrong way round (convex and concave confused).
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import from_rounded, half_unit, part, real, slip
from interview_sim.model import AnswerKind

x = sympy.Symbol("x")
# name: (f(x), shown, convex?, why, values drawn from)
FUNCTIONS = {
    "square": (x**2, "x²", True, "f''(x) = 2 > 0", range(-3, 6)),
    "exp": (sympy.exp(x), "eˣ", True, "f''(x) = eˣ > 0", range(-2, 3)),
    "neg_log": (-sympy.log(x), "−ln x", True, "f''(x) = 1/x² > 0", range(1, 10)),
    "reciprocal": (1 / x, "1/x", True, "f''(x) = 2/x³ > 0 for x > 0", range(1, 9)),
    "log": (sympy.log(x), "ln x", False, "f''(x) = −1/x² < 0", range(1, 10)),
    "sqrt": (sympy.sqrt(x), "√x", False, "f''(x) = −1/(4x^(3/2)) < 0", (1, 4, 9, 16, 25, 36)),
}
POSITIVE = {"neg_log", "reciprocal", "log", "sqrt"}


def draw(rng: Random) -> dict:
    function = rng.choice(sorted(FUNCTIONS))
    pool = list(FUNCTIONS[function][4])
    while True:
        n = rng.choice((2, 3, 3, 4))
        values = sorted(rng.sample(pool, n))
        cuts = sorted(rng.sample(range(1, 10), n - 1))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, 10], strict=True)]
        params = {
            "function": function,
            "values": values,
            "probabilities": [sympy.Rational(w, 10) for w in weights],
        }
        asked = [float(p.answer) for p in solve(params).parts if p.kind == AnswerKind.REAL]
        if all(abs(a - b) > 0.005 * abs(a) for i, a in enumerate(asked) for b in asked[i + 1 :]):
            if abs(asked[2]) >= 0.01:  # a gap worth seeing
                return params


def check(params: dict) -> None:
    values, probabilities = params["values"], params["probabilities"]
    if len(probabilities) != len(values):
        raise ParamError("probabilities", f"needs one per value ({len(values)})")
    if sum(probabilities) != 1:
        raise ParamError(
            "probabilities", f"must sum to exactly 1, they sum to {sum(probabilities)}"
        )
    if len(set(values)) != len(values):
        raise ParamError("values", "must be distinct")
    if params["function"] in POSITIVE and min(values) <= 0:
        raise ParamError("values", f"{FUNCTIONS[params['function']][1]} needs every value > 0")


def solve(params: dict) -> Solved:
    f, shown, convex, why, _ = FUNCTIONS[params["function"]]
    values, probabilities = params["values"], params["probabilities"]
    n = len(values)
    mean = sum(p * v for p, v in zip(probabilities, values, strict=True))
    fx = [f.subs(x, v) for v in values]
    e_f = sympy.expand(sum(p * y for p, y in zip(probabilities, fx, strict=True)))
    f_e = f.subs(x, mean)
    gap = e_f - f_e
    plain_mean = sympy.Rational(sum(values), n)
    parts = [
        real(
            "expected_f",
            f"E[f(X)] for f(x) = {shown}",
            e_f,
            slip(
                "swapped",
                "that is f(E[X]), f of the mean; E[f(X)] averages f over the values.",
                f_e,
            ),
            slip(
                "unweighted",
                "the values of f were averaged equally; weight each by its probability.",
                sympy.expand(sum(fx) / n),
            ),
        ),
        real(
            "f_of_mean",
            "f(E[X])",
            f_e,
            slip("swapped", "that is E[f(X)]; here f is applied once, to the mean E[X].", e_f),
            slip(
                "unweighted",
                "that is f of the plain average of the values; E[X] weights "
                "each value by its probability.",
                f.subs(x, plain_mean),
            ),
        ),
        real(
            "gap",
            "The Jensen gap E[f(X)] − f(E[X])",
            gap,
            slip(
                "sign",
                "the subtraction is the wrong way round: the gap is E[f(X)] − f(E[X]).",
                -gap,
            ),
            # worked as E[f(X)] − f(E[X]) from the two values shown to 4 decimals
            tolerance=from_rounded(2 * half_unit(4)),
        ),
        part(
            AnswerKind.CHOICE,
            "larger",
            "Which is larger, and why must it be?",
            "a" if convex else "b",
            slip(
                "reversed_inequality",
                f"{shown} is {'convex' if convex else 'concave'} "
                f"({why}), so Jensen gives E[f(X)] {'≥' if convex else '≤'} f(E[X]).",
                "b" if convex else "a",
            ),
            options=(("a", "E[f(X)], because f is convex"), ("b", "f(E[X]), because f is concave")),
        ),
        part(
            AnswerKind.BOOLEAN,
            "proves_kl",
            "True or false: Jensen's inequality proves that D_KL(P‖Q) ≥ 0.",
            True,
        ),
    ]
    facts = {
        "shown": shown,
        "convex": convex,
        "why": why,
        "mean": mean,
        "fx": fx,
        "terms": list(zip(probabilities, values, fx, strict=True)),
        "e_f": e_f,
        "f_e": f_e,
        "gap": gap,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="jensen_gap",
    chapter="information_theory",
    title="Jensen's inequality: E[f(X)] against f(E[X])",
    book_refs=("IT-Q31", "IT-Q32"),
    params=(
        Param(
            "function",
            "f: square, exp, neg_log, reciprocal (convex); log, sqrt (concave)",
            "choice",
            options=tuple(sorted(FUNCTIONS)),
        ),
        Param("values", "the values X can take", "integers", low=-100, high=100, length=(2, 4)),
        Param(
            "probabilities",
            "their probabilities (positive, summing to 1)",
            "numbers",
            low=0,
            high=1,
            open=True,
            length=(2, 4),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    # our own instance: X = 1 or 3 with equal chance, f(x) = x²: E[f] = 5, f(E) = 4
    book_params={"function": "square", "values": [1, 3], "probabilities": [0.5, 0.5]},
)
