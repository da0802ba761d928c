"""Predict what Python prints for logs of the same numbers in three bases.

Varies IT-Q1 (the book prints ``math.log``, ``numpy.log10`` and ``math.log2`` of 1/0.98 and 1/0.02).
The point of the drill is that ``math.log`` is the natural log, and that log(1/p) = −log p: the
rarer the event, the larger its log-reciprocal. Drawn: two probabilities (sometimes complements,
as in the book), the functions called (two or three of the three), and whether the argument is
1/p (positive results, as in the book) or p itself (negative results).

Slips caught: a log in another base (``math.log`` read as log10 above all), and the sign of
log p versus log(1/p).
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip, wrong_bases

FUNCTIONS = {"math.log": None, "np.log10": 10, "math.log2": 2}
NAMES = {None: "ln", 10: "log10", 2: "log2"}
FORMS = ("reciprocal", "plain")


def draw(rng: Random) -> dict:
    while True:
        params = _draw_once(rng)
        values = [float(part.answer) for part in solve(params).parts]
        if all(abs(x - y) > 0.005 * abs(x) for i, x in enumerate(values) for y in values[i + 1 :]):
            return params  # no two lines print the same number (log10 of 0.01 = log2 of 0.25)


def _draw_once(rng: Random) -> dict:
    first = rng.choice([k for k in range(1, 100) if k != 50])
    second = (
        100 - first
        if rng.random() < 0.2
        else rng.choice([k for k in range(1, 100) if k not in (first, 50)])
    )
    functions = rng.sample(sorted(FUNCTIONS), rng.choice((2, 3)))
    functions.sort(key=list(FUNCTIONS).index)
    return {
        "probabilities": [sympy.Rational(first, 100), sympy.Rational(second, 100)],
        "functions": functions,
        "form": rng.choices(FORMS, weights=(3, 1))[0],
    }


def check(params: dict) -> None:
    probabilities, functions = params["probabilities"], params["functions"]
    if len(set(probabilities)) != len(probabilities):
        raise ParamError("probabilities", "must be different numbers (each is asked once)")
    if not functions or len(set(functions)) != len(functions):
        raise ParamError("functions", f"must be distinct names, got {functions}")
    unknown = [f for f in functions if f not in FUNCTIONS]
    if unknown:
        raise ParamError(
            "functions", f"unknown function {unknown[0]!r}; use {', '.join(FUNCTIONS)}"
        )


def _log(x: sympy.Expr, base: int | None) -> sympy.Expr:
    return sympy.log(x) if base is None else sympy.log(x, base)


def solve(params: dict) -> Solved:
    reciprocal = params["form"] == "reciprocal"
    parts, lines = [], []
    for p in params["probabilities"]:
        argument = 1 / p if reciprocal else p
        shown = f"1/{_decimal(p)}" if reciprocal else _decimal(p)
        for name in params["functions"]:
            base = FUNCTIONS[name]
            value = _log(argument, base)
            call = f"{name}({shown})"
            index = len(parts) + 1
            parts.append(
                real(
                    f"call_{index}",
                    f"What does print({call}) show?",
                    value,
                    *wrong_bases(lambda b, argument=argument: _log(argument, b), base, f"{name}"),
                    slip(
                        "sign",
                        "the sign is flipped: log_b(1/p) = −log_b p"
                        + (", positive for p < 1." if reciprocal else ", and log p < 0 for p < 1."),
                        -value,
                    ),
                )
            )
            lines.append(
                {
                    "index": index,
                    "call": call,
                    "function": name,
                    "argument": shown,
                    "name": NAMES[base],
                    "p": p,
                    "value": value,
                    "plain": _log(p, base),
                }
            )
    return Solved(parts, {"lines": lines, "reciprocal": reciprocal})


def _decimal(p: sympy.Rational) -> str:
    return f"{float(p):g}"


FAMILY = Family(
    id="log_eval_bases",
    chapter="information_theory",
    title="Logs in Python: which base does each call use?",
    book_refs=("IT-Q1",),
    params=(
        Param(
            "probabilities",
            "the two probabilities p",
            "numbers",
            low=0,
            high=1,
            open=True,
            length=(1, 3),
        ),
        Param("functions", "the log functions called (math.log, np.log10, math.log2)", "data"),
        Param(
            "form",
            "whether each call takes 1/p (as in the book) or p itself",
            "choice",
            options=FORMS,
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "probabilities": [0.98, 0.02],
        "functions": ["math.log", "np.log10", "math.log2"],
        "form": "reciprocal",
    },
)
