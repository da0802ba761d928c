"""Association in a 2×2 table: relative risk, odds ratio and its confidence interval.

Varies PRB-19 (proton therapy: breast against lung cancer, tumour eradicated or not) and PRB-23
(cannabinoid against placebo, tumour shrinkage or not). The reference lists the settings but not the
books' counts, so ``book_params`` is our own table in the PRB-19 setting; PRB-19's printed answer is
known to be wrong, and ours is computed exactly from the counts shown. New tables are drawn per
variant: group sizes, outcome rates that fit the story (a treatment does at least as well as its
placebo, smokers fall ill at least as often as non-smokers) and a confidence level from the book's
z table. Slips modelled: the odds ratio upside down or given for the relative risk (and vice versa),
the "no" column read for the "yes" column, the raw count ratio, the variance for the standard error,
a one-sided z, and an interval left on the log scale or built symmetric around the odds ratio.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from random import Random

import sympy

from generators.logistic_regression._context import grid
from generators.logistic_regression.lr_coef_odds_ratio_ci import Z_ONE_SIDED, Z_TWO_SIDED
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip, wrong_bases
from interview_sim.model import AnswerKind, Tolerance

LEVELS = (90, 95, 99)
MIN_CELL = 10


@dataclass(frozen=True)
class Story:
    key: str
    groups: tuple[str, str]  # row labels: the group compared, then the reference group
    outcome: str  # the "yes" column: what happened
    negative: str  # the "no" column
    setting: str  # one sentence introducing the study
    rates: tuple[str, str]  # plausible range of the "yes" rate in either group
    order: int  # +1: the first group's rate is at least the second's; 0: either way


STORIES: dict[str, Story] = {
    s.key: s
    for s in (
        Story(
            "proton",
            ("breast-cancer patients", "lung-cancer patients"),
            "tumour eradicated",
            "not eradicated",
            "A clinic records whether proton therapy eradicated the tumour, by cancer type.",
            ("0.3", "0.9"),
            0,
        ),
        Story(
            "cannabinoid",
            ("patients on the cannabinoid", "patients on the placebo"),
            "tumour shrank",
            "no shrinkage",
            "In a trial, patients received either a cannabinoid or a placebo, and their tumours "
            "were measured again after three months.",
            ("0.05", "0.7"),
            1,
        ),
        Story(
            "smoking",
            ("smokers", "non-smokers"),
            "chronic bronchitis",
            "no bronchitis",
            "A cohort of adults was followed for ten years and checked for chronic bronchitis.",
            ("0.03", "0.4"),
            1,
        ),
    )
}


def draw(rng: Random) -> dict:
    story = STORIES[rng.choice(sorted(STORIES))]
    low, high = story.rates
    while True:
        sizes = [rng.randrange(40, 801, 5) for _ in range(2)]
        first = grid(rng, low, high, "0.01")
        # a rate close to the other's in about a third of the tables, so some CIs contain 1
        gap = (
            grid(rng, "0.02", "0.08", "0.01")
            if rng.random() < 0.35
            else grid(rng, "0.1", "0.4", "0.01")
        )
        second = first - gap if story.order or rng.random() < 0.5 else first + gap
        if not sympy.Rational(low) <= second <= sympy.Rational(high):
            continue
        yes = [round(n * r) for n, r in zip(sizes, (first, second), strict=True)]
        table = [[y, n - y] for y, n in zip(yes, sizes, strict=True)]
        if min(min(row) for row in table) >= MIN_CELL and _well_posed(table, story) is None:
            return {"story": story.key, "counts": table, "level": rng.choice((90, 95, 95, 99))}


def _well_posed(table: list[list[int]], story: Story) -> str | None:
    (a, b), (c, d) = table
    if a * d == b * c:
        return "the two groups have the same odds: the odds ratio is exactly 1"
    if story.order and a * (c + d) < c * (a + b):
        return (
            f"in the {story.key!r} story the {story.groups[0]} group should do at least as often "
            f"'{story.outcome}' as the {story.groups[1]} group"
        )
    return None


def check(params: dict) -> None:
    problem = _well_posed(params["counts"], STORIES[params["story"]])
    if problem:
        raise ParamError("counts", problem)


def solve(params: dict) -> Solved:
    (a, b), (c, d) = params["counts"]
    story = STORIES[params["story"]]
    level = params["level"]
    z, z1 = sympy.Rational(Z_TWO_SIDED[level]), sympy.Rational(Z_ONE_SIDED[level])
    r1, r2 = sympy.Rational(a, a + b), sympy.Rational(c, c + d)
    rr = r1 / r2
    odds_ratio = sympy.Rational(a * d, b * c)
    log_or = sympy.log(odds_ratio)
    variance = (
        sympy.Rational(1, a) + sympy.Rational(1, b) + sympy.Rational(1, c) + sympy.Rational(1, d)
    )
    se = sympy.sqrt(variance)
    log_ci = (log_or - z * se, log_or + z * se)
    ci = (sympy.exp(log_ci[0]), sympy.exp(log_ci[1]))
    contains_one = bool(log_ci[0] < 0 < log_ci[1])
    g1, g2 = story.groups
    scale = Fraction(str(max(abs(float(v)) for v in log_ci)))
    parts = [
        real(
            "relative_risk",
            f"The relative risk of '{story.outcome}' for {g1} compared with {g2}",
            rr,
            slip(
                "odds_ratio_not_risk",
                "that is the odds ratio (a·d)/(b·c); the relative risk "
                "divides the two proportions a/(a + b) and c/(c + d).",
                odds_ratio,
            ),
            slip(
                "inverted",
                f"that is the risk of {g2} relative to {g1}: the ratio upside down.",
                1 / rr,
            ),
            slip(
                "columns_swapped",
                f"that divides the proportions of the other column (not '{story.outcome}').",
                sympy.Rational(b, a + b) / sympy.Rational(d, c + d),
            ),
            slip(
                "counts_not_proportions",
                "that divides the raw counts a/c; the groups differ in "
                "size, so divide the proportions.",
                sympy.Rational(a, c),
            ),
        ),
        real(
            "odds_ratio",
            f"The odds ratio of '{story.outcome}' for {g1} compared with {g2}",
            odds_ratio,
            slip(
                "inverted",
                f"that is (b·c)/(a·d), the odds ratio of {g2} against {g1}.",
                1 / odds_ratio,
            ),
            slip(
                "risk_not_odds_ratio",
                "that is the relative risk, a ratio of proportions; the odds "
                "ratio divides the odds a/b and c/d.",
                rr,
            ),
        ),
        real(
            "log_odds_ratio",
            "The natural log of that odds ratio",
            log_or,
            *wrong_bases(
                lambda base: sympy.log(odds_ratio, base or sympy.E), None, "the log odds ratio"
            ),
            slip(
                "sign", "the sign is flipped: that is the log of the inverted odds ratio.", -log_or
            ),
        ),
        real(
            "se",
            "The standard error of the log odds ratio",
            se,
            slip(
                "no_sqrt",
                "that is the variance 1/a + 1/b + 1/c + 1/d; the standard error is its "
                "square root.",
                variance,
            ),
        ),
        part(
            AnswerKind.INTERVAL,
            "log_or_ci",
            f"The {level}% confidence interval for the log odds ratio",
            log_ci,
            slip(
                "one_sided_z",
                f"that uses the one-sided z = {z1}; a two-sided {level}% interval needs z = {z}.",
                (log_or - z1 * se, log_or + z1 * se),
            ),
            slip(
                "no_sqrt",
                "that uses the variance as the margin's scale; the margin is z times "
                "the standard error, its square root.",
                (log_or - z * variance, log_or + z * variance),
            ),
            slip(
                "exponentiated",
                "that is the interval for the odds ratio itself; this part asks for the log scale.",
                ci,
            ),
            tolerance=Tolerance(slack=scale / 1000),
        ),
        part(
            AnswerKind.INTERVAL,
            "or_ci",
            f"The {level}% confidence interval for the odds ratio",
            ci,
            slip(
                "not_exponentiated",
                "that is the interval for the log odds ratio; exponentiate both endpoints.",
                log_ci,
            ),
            slip(
                "one_sided_z",
                f"that uses the one-sided z = {z1}; a two-sided {level}% interval needs z = {z}.",
                (sympy.exp(log_or - z1 * se), sympy.exp(log_or + z1 * se)),
            ),
            slip(
                "margin_not_exponentiated",
                "that puts the log-scale margin z·SE around the odds "
                "ratio; exponentiate the endpoints of the log interval instead.",
                (odds_ratio - z * se, odds_ratio + z * se),
            ),
        ),
        part(
            AnswerKind.BOOLEAN,
            "contains_one",
            f"Does the {level}% confidence interval for the odds ratio contain 1?",
            contains_one,
            slip(
                "interval_misread",
                "compare the endpoints with 1 (or the log endpoints with 0).",
                not contains_one,
            ),
        ),
    ]
    facts = {
        "story": story,
        "rows": [[g1, a, b, a + b], [g2, c, d, c + d]],
        "r1": r1,
        "r2": r2,
        "rr": rr,
        "odds_ratio": odds_ratio,
        "log_or": log_or,
        "variance": variance,
        "se": se,
        "z": z,
        "log_ci": log_ci,
        "ci": ci,
        "contains_one": contains_one,
        "z_table": [(lvl, Z_TWO_SIDED[lvl]) for lvl in LEVELS],
        "higher": g1 if odds_ratio > 1 else g2,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="lr_2x2_association",
    chapter="logistic_regression",
    title="Relative risk, odds ratio and its confidence interval from a 2×2 table",
    book_refs=("PRB-19", "PRB-23"),
    params=(
        Param(
            "story", "the study: which groups and which outcome", "choice", options=tuple(STORIES)
        ),
        Param(
            "counts",
            "counts [[yes, no] for the first group, [yes, no] for the second]",
            "matrix",
            low=1,
            high=10000,
            length=(2, 2),
            cols=(2, 2),
            integer=True,
        ),
        Param("level", "confidence level in percent", "choice", options=LEVELS),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={"story": "proton", "counts": [[560, 260], [69, 36]], "level": 95},
)
