"""Boltzmann's entropy S = k_B ln W of fair dice, and the same count of states in nats and bits.

Varies IT-Q28–IT-Q30 (the book: one octahedral die, W = 8 equally likely states, S = k_B ln 8 ≈
2.871 × 10⁻²³ J/K, ln 8 ≈ 2.0794 nats, 3 bits). Drawn: the die (a coin, d4 … d20) and how many
distinguishable dice are thrown together, so W = faces^dice and the logs turn the power into a
factor. k_B = 1.380649 × 10⁻²³ J/K exactly (the SI value).

Slips caught: faces × dice instead of faces^dice, the constant k_B forgotten, the log of a single
die for the whole set, the number of states instead of its log, and logs in the wrong base.
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import in_base, integer, real, slip, wrong_bases

K_B = sympy.Rational(1380649, 10**29)  # J/K, exact since the 2019 SI
FACES = (2, 4, 6, 8, 10, 12, 20)
SHAPES = {
    2: "coin",
    4: "four-sided",
    6: "six-sided",
    8: "octahedral (eight-sided)",
    10: "ten-sided",
    12: "twelve-sided",
    20: "twenty-sided",
}


def draw(rng: Random) -> dict:
    return {"faces": rng.choice(FACES), "dice": rng.randint(1, 6)}


def _log(x: int, base: int | None, times: int = 1) -> sympy.Expr:
    """times·log_base(x), exact (log2 8 is 3, not ln 8/ln 2)."""
    return in_base({x: times}, base)


def solve(params: dict) -> Solved:
    f, n = params["faces"], params["dice"]
    states = f**n
    nats = _log(f, None, n)
    bits = _log(f, 2, n)
    entropy = K_B * nats
    several = n > 1
    parts = [
        integer(
            "states",
            "Number of equally likely microstates W",
            states,
            slip(
                "multiplied",
                f"that is {f}·{n}; each die multiplies the count by {f}: W = {f}^{n}.",
                f * n,
            ),
        )
        if several
        else None,
        real(
            "entropy",
            "Boltzmann entropy S = k_B ln W, in J/K",
            entropy,
            slip(
                "missing_constant",
                "that is ln W alone; S multiplies it by k_B = 1.380649 × 10⁻²³ J/K.",
                nats,
            ),
            slip(
                "single_die",
                f"that is the entropy of one die; {n} independent dice add "
                f"their entropies: ln W = {n}·ln {f}.",
                K_B * _log(f, None),
            )
            if several
            else None,
            slip(
                "count_not_log",
                "that is k_B·W; Boltzmann's entropy takes the log of W.",
                K_B * states,
            ),
            *wrong_bases(lambda base: K_B * _log(f, base, n), None, "S = k_B ln W"),
            unit="J/K",
        ),
        real(
            "nats",
            "Entropy ln W, in nats",
            nats,
            slip(
                "single_die",
                f"that is ln {f}, one die; the set has ln {f}^{n} = {n}·ln {f}.",
                _log(f, None),
            )
            if several
            else None,
            *wrong_bases(lambda base: _log(f, base, n), None, "the entropy in nats"),
            unit="nats",
        ),
        real(
            "bits",
            "Entropy log2 W, in bits",
            bits,
            slip("single_die", f"that is log2 {f}, one die; the set has {n}·log2 {f}.", _log(f, 2))
            if several
            else None,
            *wrong_bases(lambda base: _log(f, base, n), 2, "the entropy in bits"),
            unit="bits",
        ),
    ]
    facts = {
        "one": "coin" if f == 2 else f"{SHAPES.get(f, f'{f}-sided')} die",
        "many": "coins" if f == 2 else f"{SHAPES.get(f, f'{f}-sided')} dice",
        "thrown": "tossed" if f == 2 else "thrown",
        "states": states,
        "several": several,
        "entropy": entropy,
        "nats": nats,
        "bits": bits,
        "ln_f": sympy.log(f),
    }
    return Solved([p for p in parts if p is not None], facts)


FAMILY = Family(
    id="boltzmann_entropy_dice",
    chapter="information_theory",
    title="Boltzmann entropy of fair dice",
    book_refs=("IT-Q28", "IT-Q29", "IT-Q30"),
    params=(
        Param("faces", "faces of each fair die (2 is a coin)", "integer", low=2, high=1000),
        Param("dice", "number of distinguishable dice thrown together", "integer", low=1, high=50),
    ),
    draw=draw,
    solve=solve,
    space=len(FACES) * 6,
    book_params={"faces": 8, "dice": 1},
)
