"""Odds ratio of a logistic-regression coefficient and its confidence intervals.

Varies PRB-22(3,4) (gum bacteria / Alzheimer: β̂ = 0.0258, SE = 0.0194, a 99% interval: the
book's instance in ``book_params``) and the mock exam's logistic-regression section (same model,
95%). The z values are the book's printed table, used as exact decimals:
90% → 1.645, 95% → 1.960, 99% → 2.576, 99.9% → 3.291. Asked: the odds ratio for an increase of Δx,
the confidence interval for β, and the one for the odds ratio per Δx. Slips modelled: a one-sided z
(1.645 for 95%), leaving z out, exponentiating the SE, reporting β instead of e^β, forgetting Δx or
multiplying the odds ratio by Δx.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

import sympy

from generators.logistic_regression._context import COVARIATES, SCENARIOS, grid
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import part, real, slip
from interview_sim.model import AnswerKind, Tolerance
from interview_sim.render import num

LEVELS = (90, 95, 99, 99.9)
Z_TWO_SIDED = {90: "1.645", 95: "1.960", 99: "2.576", 99.9: "3.291"}  # the book's table
Z_ONE_SIDED = {90: "1.282", 95: "1.645", 99: "2.326", 99.9: "3.090"}  # the slip: z_(1-alpha)
MAX_EXPONENT = 8  # |Δx·(β ± z·SE)| stays below this, so the odds ratios stay readable


def draw(rng: Random) -> dict:
    while True:
        scenario = SCENARIOS[rng.choice(sorted(SCENARIOS))]
        covariate = COVARIATES[rng.choice(scenario.covariates)]
        beta = covariate.draw_coef(rng)
        step = covariate.coef_range[2]
        ratio = grid(rng, "0.15", "0.9", "0.05")  # SE / |β|: about half the 95% intervals hold 0
        se = max(round_step(abs(beta) * ratio, step), sympy.Rational(step))
        level = rng.choice((90, 95, 95, 95, 99, 99.9))
        delta = sympy.Rational(rng.choice(covariate.deltas))
        z = sympy.Rational(Z_TWO_SIDED[level])
        if delta * (abs(beta) + z * se) <= MAX_EXPONENT:
            break
    return {
        "scenario": scenario.key,
        "covariate": covariate.key,
        "beta": beta,
        "se": se,
        "level": level,
        "delta": delta,
    }


def round_step(value, step: str) -> sympy.Rational:
    st = Fraction(step)
    exact = Fraction(int(sympy.Rational(value).p), int(sympy.Rational(value).q))
    return sympy.Rational(round(exact / st) * st)


def check(params: dict) -> None:
    scenario = SCENARIOS[params["scenario"]]
    if params["covariate"] not in scenario.covariates:
        raise ParamError(
            "covariate",
            f"{params['covariate']!r} is not a covariate of the {scenario.key!r} scenario "
            f"({', '.join(scenario.covariates)})",
        )
    if params["beta"] == 0:
        raise ParamError("beta", "a zero coefficient has odds ratio 1: nothing to ask")
    covariate = COVARIATES[params["covariate"]]
    if covariate.indicator and params["delta"] != 1:
        raise ParamError("delta", f"{covariate.key} is a 0/1 indicator: the only change is Δx = 1")
    z = sympy.Rational(Z_TWO_SIDED[params["level"]])
    if params["delta"] * (abs(params["beta"]) + z * params["se"]) > 50:
        raise ParamError("delta", "Δx·(|β| + z·SE) above 50 makes the odds ratios overflow")


def solve(params: dict) -> Solved:
    beta, se, delta, level = params["beta"], params["se"], params["delta"], params["level"]
    z = sympy.Rational(Z_TWO_SIDED[level])
    z1 = sympy.Rational(Z_ONE_SIDED[level])
    covariate = COVARIATES[params["covariate"]]
    lo, hi = beta - z * se, beta + z * se
    odds_ratio = sympy.exp(beta * delta)
    ci_or = (sympy.exp(delta * lo), sympy.exp(delta * hi))
    unit = "one unit" if delta == 1 else f"Δx = {num(delta)}"

    or_mistakes = [
        slip(
            "log_odds_ratio",
            "that is β·Δx, the change in log-odds; the odds ratio is its exponential.",
            beta * delta,
        ),
        slip(
            "forgot_delta",
            f"that is e^β, the odds ratio per one unit; for Δx = {num(delta)} it is e^(β·Δx).",
            sympy.exp(beta),
        ),
        slip(
            "delta_outside",
            "Δx multiplies β inside the exponent, not the odds ratio: e^(β·Δx), not Δx·e^β.",
            delta * sympy.exp(beta),
        ),
        slip("inverted", "that is e^(−β·Δx), the odds ratio for a decrease of Δx.", 1 / odds_ratio),
    ]
    # an interval near 0 would make a purely relative tolerance demand absurd precision
    scale = Fraction(str(max(abs(lo), abs(hi))))
    beta_tolerance = Tolerance(slack=scale / 1000)
    beta_mistakes = [
        slip(
            "one_sided_z",
            f"that uses the one-sided value z = {num(z1)}; a two-sided {level}% interval needs "
            f"z = {num(z)}.",
            (beta - z1 * se, beta + z1 * se),
        ),
        slip(
            "no_z", f"that is β̂ ± SE; the margin is z·SE with z = {num(z)}.", (beta - se, beta + se)
        ),
        slip(
            "exponentiated",
            "that is the interval for the odds ratio per unit; the question asks for β itself.",
            (sympy.exp(lo), sympy.exp(hi)),
        ),
        slip(
            "scaled_by_delta",
            f"that is the interval for β·Δx; the coefficient β is per one unit of "
            f"{covariate.short}.",
            (delta * lo, delta * hi),
        ),
    ]
    ci_or_mistakes = [
        slip(
            "forgot_delta",
            f"that is the interval per one unit; for Δx = {num(delta)} exponentiate Δx times the "
            "endpoints.",
            (sympy.exp(lo), sympy.exp(hi)),
        ),
        slip(
            "one_sided_z",
            f"that uses the one-sided z = {num(z1)}; a two-sided {level}% interval needs "
            f"z = {num(z)}.",
            (sympy.exp(delta * (beta - z1 * se)), sympy.exp(delta * (beta + z1 * se))),
        ),
        slip(
            "exponentiated_se",
            "that exponentiates the SE and adds it to the odds ratio; exponentiate the endpoints "
            "of the interval for β instead.",
            (odds_ratio - z * sympy.exp(delta * se), odds_ratio + z * sympy.exp(delta * se)),
        ),
        slip(
            "margin_not_exponentiated",
            "that puts the log-scale margin z·SE around e^(β·Δx); the interval is not symmetric on "
            "the odds-ratio scale: exponentiate both endpoints.",
            (odds_ratio - z * delta * se, odds_ratio + z * delta * se),
        ),
        slip(
            "not_exponentiated",
            "that is the interval for the log odds ratio β·Δx; exponentiate both endpoints.",
            (delta * lo, delta * hi),
        ),
        slip(
            "delta_outside",
            "Δx belongs inside the exponent: (e^(Δx·lo), e^(Δx·hi)).",
            (delta * sympy.exp(lo), delta * sympy.exp(hi)),
        ),
    ]
    parts = [
        real(
            "odds_ratio",
            f"The odds ratio for an increase of {unit} in {covariate.short}",
            odds_ratio,
            *tuple(or_mistakes),
        ),
        part(
            AnswerKind.INTERVAL,
            "beta_ci",
            f"The {level}% confidence interval for β",
            (lo, hi),
            *tuple(beta_mistakes),
            tolerance=beta_tolerance,
        ),
        part(
            AnswerKind.INTERVAL,
            "odds_ratio_ci",
            f"The {level}% confidence interval for the odds ratio per {unit}",
            ci_or,
            *tuple(ci_or_mistakes),
        ),
    ]
    facts = {
        "scenario": SCENARIOS[params["scenario"]],
        "covariate": covariate,
        "z": z,
        "z_table": [(lvl, Z_TWO_SIDED[lvl]) for lvl in LEVELS],
        "margin": z * se,
        "lo": lo,
        "hi": hi,
        "odds_ratio": odds_ratio,
        "ci_or": ci_or,
        "unit_delta": delta == 1,
        "contains_one": bool(lo < 0 < hi),
        "percent": (odds_ratio - 1) * 100,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="lr_coef_odds_ratio_ci",
    chapter="logistic_regression",
    title="Odds ratio and confidence intervals for a coefficient",
    book_refs=("PRB-22",),
    params=(
        Param("scenario", "the story: what y = 1 means", "choice", options=tuple(SCENARIOS)),
        Param(
            "covariate",
            "the covariate the coefficient belongs to",
            "choice",
            options=tuple(COVARIATES),
        ),
        Param("beta", "estimated coefficient β̂", low=-10, high=10),
        Param("se", "standard error of β̂", low=0, high=10, open=True),
        Param("level", "confidence level in percent", "choice", options=LEVELS),
        Param("delta", "increase Δx of the covariate", low=0, high=1000, open=True),
    ),
    draw=draw,
    solve=solve,
    check=check,
    version=2,
    book_params={
        "scenario": "alzheimer",
        "covariate": "bacteria",
        "beta": 0.0258,
        "se": 0.0194,
        "level": 99,
        "delta": 1,
    },
)
