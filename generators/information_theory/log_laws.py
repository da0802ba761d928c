"""The three log laws: a sum of logs, the log of a power, a difference of logs.

Varies IT-Q2 (the book: log10 3 + log10 4 = log10 12 ≈ 1.07918, log2 4^6 = 12, ln 15 − ln 3 = ln 5 ≈
1.60944). Each expression is drawn with its own base (2, 10 or e) and small whole numbers; the
power is sometimes a power of the base, so the answer is a whole number, and sometimes not.

Slips caught: the book's own pitfall, log2 4^6 read as 6·4 instead of 6·log2 4; a sum of logs taken
as the log of the sum, or as the product of the logs; a difference as the log of the difference or
the quotient of the logs; and the value in another base.
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip, wrong_bases

BASES = (2, 10, "e")
NAMES = {2: "log2", 10: "log10", "e": "ln"}
TAG_BASE = {2: 2, 10: 10, "e": None}


def _log(x, base) -> sympy.Expr:
    return sympy.log(x) if base in ("e", None) else sympy.log(x, base)


def draw(rng: Random) -> dict:
    while True:
        a, b = sorted(rng.sample(range(2, 10), 2))
        power_base = rng.choice(BASES)
        powers_of_base = {2: (2, 4, 8, 16), 10: (10, 100), "e": ()}[power_base]
        c = (
            rng.choice(powers_of_base)
            if powers_of_base and rng.random() < 0.6
            else rng.randint(2, 9)
        )
        divisor = rng.randint(2, 9)
        params = {
            "sum_base": rng.choice(BASES),
            "sum_args": [a, b],
            "power_base": power_base,
            "power": [c, rng.randint(2, 8)],
            "difference_base": rng.choice(BASES),
            "difference_args": [divisor * rng.randint(2, 9), divisor],
        }
        values = [float(part.answer) for part in solve(params).parts]
        if all(abs(x - y) > 0.005 * abs(x) for i, x in enumerate(values) for y in values[i + 1 :]):
            return params


def check(params: dict) -> None:
    big, small = params["difference_args"]
    if big == small:
        raise ParamError("difference_args", "the two numbers must differ (the answer would be 0)")
    if params["power"][1] < 2:
        raise ParamError("power", "the exponent must be at least 2")


def solve(params: dict) -> Solved:
    (a, b), sb = params["sum_args"], params["sum_base"]
    (c, n), pb = params["power"], params["power_base"]
    (big, small), db = params["difference_args"], params["difference_base"]
    total, power_value, quotient = (
        _log(a * b, sb),
        n * _log(c, pb),
        _log(sympy.Rational(big, small), db),
    )
    parts = [
        real(
            "sum",
            f"Value of {NAMES[sb]} {a} + {NAMES[sb]} {b}",
            total,
            slip(
                "sum_inside",
                f"that is {NAMES[sb]}({a} + {b}); a sum of logs is the log of the "
                f"product: {NAMES[sb]}({a}·{b}).",
                _log(a + b, sb),
            ),
            slip(
                "product_of_logs",
                "that multiplies the two logs; the law adds them into the log of the product.",
                _log(a, sb) * _log(b, sb),
            ),
            *wrong_bases(lambda base: _log(a * b, base), TAG_BASE[sb], f"{NAMES[sb]}"),
        ),
        real(
            "power",
            f"Value of {NAMES[pb]}({c}^{n})",
            power_value,
            slip(
                "power_not_log",
                f"that is {n}·{c}: the exponent comes down as a factor of the "
                f"log, {n}·{NAMES[pb]} {c}, not of {c} itself.",
                n * c,
            ),
            slip(
                "exponent_only",
                f"that is {NAMES[pb]} {c} alone; the exponent {n} multiplies it.",
                _log(c, pb),
            ),
            *wrong_bases(lambda base: n * _log(c, base), TAG_BASE[pb], f"{NAMES[pb]}"),
        ),
        real(
            "difference",
            f"Value of {NAMES[db]} {big} − {NAMES[db]} {small}",
            quotient,
            slip(
                "difference_inside",
                f"that is {NAMES[db]}({big} − {small}); a difference of "
                f"logs is the log of the quotient: {NAMES[db]}({big}/{small}).",
                _log(big - small, db),
            ),
            slip(
                "quotient_of_logs",
                f"that divides the logs, {NAMES[db]} {big} / {NAMES[db]} "
                f"{small}; the law subtracts them: {NAMES[db]}({big}/{small}).",
                _log(big, db) / _log(small, db),
            ),
            *wrong_bases(
                lambda base: _log(sympy.Rational(big, small), base), TAG_BASE[db], f"{NAMES[db]}"
            ),
        ),
    ]
    facts = {
        "sum_name": NAMES[sb],
        "power_name": NAMES[pb],
        "difference_name": NAMES[db],
        "product": a * b,
        "total": total,
        "log_c": _log(c, pb),
        "power_value": power_value,
        "ratio": sympy.Rational(big, small),
        "quotient": quotient,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="log_laws",
    chapter="information_theory",
    title="The log laws: sums, powers and differences of logs",
    book_refs=("IT-Q2",),
    params=(
        Param("sum_base", "base of the sum of two logs", "choice", options=BASES),
        Param(
            "sum_args",
            "the two numbers whose logs are added",
            "integers",
            low=2,
            high=1000,
            length=(2, 2),
        ),
        Param("power_base", "base of the log of a power", "choice", options=BASES),
        Param("power", "[c, n]: the log of c^n", "integers", low=2, high=1000, length=(2, 2)),
        Param("difference_base", "base of the difference of two logs", "choice", options=BASES),
        Param(
            "difference_args", "[A, B]: log A − log B", "integers", low=2, high=1000, length=(2, 2)
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "sum_base": 10,
        "sum_args": [3, 4],
        "power_base": 2,
        "power": [4, 6],
        "difference_base": "e",
        "difference_args": [15, 3],
    },
)
