"""A biased coin: how often a prediction is right, the surprisal of each side, the average surprise.

Varies IT-Q14 (the book's coin lands heads with probability 0.98). Always predicting the likelier
side is right with probability max(p, 1 − p); the surprisal of an outcome is −log2 of its
probability, so the rare side carries more information; the average surprisal is the binary
entropy h(p). Which side is likelier is drawn, so "heads" is not always the answer. Fair coins
(p = 0.5) are excluded: every number would be 1 bit or 50%.

Slips caught: predicting the unlikely side, the two surprisals swapped, natural log or log10
instead of log2, the minus sign left out (a negative surprisal), the likelier side named as the
more informative, and the plain mean of the two surprisals for the expected one.
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip, wrong_bases
from interview_sim.model import AnswerKind

SIDES = (("a", "heads"), ("b", "tails"))


def draw(rng: Random) -> dict:
    k = rng.choice([k for k in range(1, 100) if k != 50])
    return {"p_heads": sympy.Rational(k, 100)}


def check(params: dict) -> None:
    if params["p_heads"] == sympy.Rational(1, 2):
        raise ParamError("p_heads", "a fair coin (0.5) makes every answer 1 bit; use p ≠ 0.5")


def _surprisal(p: sympy.Rational, base: int | None = 2) -> sympy.Expr:
    return -sympy.log(p, base or sympy.E) if base else -sympy.log(p)


def solve(params: dict) -> Solved:
    p = params["p_heads"]
    q = 1 - p
    likely, rare = ("heads", "tails") if p > q else ("tails", "heads")
    best = max(p, q)
    s_h, s_t = _surprisal(p), _surprisal(q)
    entropy = p * s_h + q * s_t

    def entropy_in(base):
        return p * _surprisal(p, base) + q * _surprisal(q, base)

    parts = [
        real(
            "accuracy",
            "Accuracy of always predicting the likelier side",
            best,
            slip(
                "complement",
                f"that is how often {rare} comes up; predicting {likely} every "
                "time is right whenever it lands that way.",
                1 - best,
            ),
            allow_percent=True,
        ),
        real(
            "surprisal_heads",
            "Surprisal of heads, in bits",
            s_h,
            slip("swapped", "that is the surprisal of tails, −log2(1 − p).", s_t),
            *wrong_bases(lambda base: _surprisal(p, base), 2, "surprisal in bits"),
            slip("missing_minus", "the minus sign is missing: surprisal is −log2 p ≥ 0.", -s_h),
            unit="bits",
        ),
        real(
            "surprisal_tails",
            "Surprisal of tails, in bits",
            s_t,
            slip("swapped", "that is the surprisal of heads, −log2 p.", s_h),
            *wrong_bases(lambda base: _surprisal(q, base), 2, "surprisal in bits"),
            slip(
                "missing_minus", "the minus sign is missing: surprisal is −log2(1 − p) ≥ 0.", -s_t
            ),
            unit="bits",
        ),
        part(
            AnswerKind.CHOICE,
            "more_information",
            "Which outcome carries more information when it happens?",
            "a" if rare == "heads" else "b",
            slip(
                "likelier_side",
                f"{likely} is the expected outcome: seeing it surprises least "
                "and so tells the least.",
                "a" if likely == "heads" else "b",
            ),
            options=SIDES,
        ),
        real(
            "entropy",
            "Average surprisal per toss (the entropy of the coin), in bits",
            entropy,
            slip(
                "unweighted",
                "that is the plain mean of the two surprisals; weight each by how "
                "often it happens: p·(−log2 p) + (1 − p)·(−log2(1 − p)).",
                (s_h + s_t) / 2,
            ),
            *wrong_bases(entropy_in, 2, "the entropy in bits"),
            slip("missing_minus", "the minus sign is missing: H = −Σ p·log2 p ≥ 0.", -entropy),
            unit="bits",
        ),
    ]
    facts = {
        "q": q,
        "likely": likely,
        "rare": rare,
        "best": best,
        "s_h": s_h,
        "s_t": s_t,
        "s_rare": s_t if rare == "tails" else s_h,
        "s_likely": s_h if rare == "tails" else s_t,
        "entropy": entropy,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="biased_coin_surprisal",
    chapter="information_theory",
    title="Surprisal and entropy of a biased coin",
    book_refs=("IT-Q14",),
    params=(Param("p_heads", "probability that the coin lands heads", low=0, high=1, open=True),),
    draw=draw,
    solve=solve,
    check=check,
    space=98,
    book_params={"p_heads": 0.98},
)
