"""Odds ratio of a logistic-regression coefficient and its confidence intervals.

Varies PRB-22(3,4) (gum bacteria / Alzheimer: β̂ = 0.0258, SE = 0.0194, a 99% interval: the
book's instance in ``book_params``) and the mock exam's logistic-regression section (same model,
95%). The z values are the book's printed table, used as exact decimals. Asked: the odds ratio for
an increase of Δx, the confidence interval for β, and the one for the odds ratio per Δx. Slips: a
one-sided z (1.645 for 95%), leaving z out, exponentiating the SE, reporting β instead of e^β,
forgetting Δx or multiplying the odds ratio by Δx.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

import sympy
from sympy import exp

from generators.logistic_regression._context import COVARIATES, SCENARIOS, check_scenario, grid
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import interval, real, slips_stats, tabled
from interview_sim.model import Tolerance
from interview_sim.render import num

LEVELS = (90, 95, 99, 99.9)
Z_TWO_SIDED = {90: "1.645", 95: "1.960", 99: "2.576", 99.9: "3.291"}  # the book's table
Z_ONE_SIDED = {90: "1.282", 95: "1.645", 99: "2.326", 99.9: "3.090"}  # the slip: z_(1-alpha)
MAX_EXPONENT = 8  # |Δx·(β ± z·SE)| stays below this, so the odds ratios stay readable
# This family's own slips, for the odds ratio and for the intervals ({delta}: Δx, {short}: x).
WHY_ODDS_RATIO = {
    "log_odds_ratio": "that is β·Δx, the change in log-odds; the odds ratio is its exponential.",
    "forgot_delta": "that is e^β, the odds ratio per one unit; for Δx = {delta} it is e^(β·Δx).",
    "delta_outside": "Δx multiplies β inside the exponent, not the odds ratio: e^(β·Δx), "
    "not Δx·e^β.",
}
WHY_INTERVALS = {
    "scaled_by_delta": "that is the interval for β·Δx; the coefficient β is per one unit of "
    "{short}.",
    "forgot_delta": "that is the interval per one unit; for Δx = {delta} exponentiate Δx times "
    "the endpoints.",
    "delta_outside": "Δx belongs inside the exponent: (e^(Δx·lo), e^(Δx·hi)).",
}


def draw(rng: Random) -> dict:
    while True:
        scenario = SCENARIOS[rng.choice(sorted(SCENARIOS))]
        covariate = COVARIATES[rng.choice(scenario.covariates)]
        beta = covariate.draw_coef(rng)
        step = Fraction(covariate.coef_range[2])
        ratio = grid(rng, "0.15", "0.9", "0.05")  # SE / |β|: about half the 95% intervals hold 0
        se = sympy.Rational(max(round(Fraction(str(abs(beta) * ratio)) / step) * step, step))
        level = rng.choice((90, 95, 95, 95, 99, 99.9))
        delta = sympy.Rational(rng.choice(covariate.deltas))
        if delta * (abs(beta) + sympy.Rational(Z_TWO_SIDED[level]) * se) <= MAX_EXPONENT:
            break
    keys = {"scenario": scenario.key, "covariate": covariate.key}
    return {**keys, "beta": beta, "se": se, "level": level, "delta": delta}


def check(params: dict) -> None:
    [covariate] = check_scenario(params["scenario"], params["covariate"], "covariate")
    if params["beta"] == 0:
        raise ParamError("beta", "a zero coefficient has odds ratio 1: nothing to ask")
    if covariate.indicator and params["delta"] != 1:
        raise ParamError("delta", f"{covariate.key} is a 0/1 indicator: the only change is Δx = 1")
    z = sympy.Rational(Z_TWO_SIDED[params["level"]])
    if params["delta"] * (abs(params["beta"]) + z * params["se"]) > 50:
        raise ParamError("delta", "Δx·(|β| + z·SE) above 50 makes the odds ratios overflow")


def solve(params: dict) -> Solved:
    beta, se, delta, level = params["beta"], params["se"], params["delta"], params["level"]
    z, z1 = sympy.Rational(Z_TWO_SIDED[level]), sympy.Rational(Z_ONE_SIDED[level])
    covariate = COVARIATES[params["covariate"]]
    lo, hi = beta - z * se, beta + z * se
    odds_ratio = exp(beta * delta)
    ci_or = (exp(delta * lo), exp(delta * hi))
    unit = "one unit" if delta == 1 else f"Δx = {num(delta)}"
    words = {"delta": num(delta), "short": covariate.short}
    one_sided = (beta - z1 * se, beta + z1 * se)
    parts = [
        real(
            "odds_ratio",
            f"The odds ratio for an increase of {unit} in {covariate.short}",
            odds_ratio,
            *tabled(
                WHY_ODDS_RATIO,
                words,
                log_odds_ratio=beta * delta,
                forgot_delta=exp(beta),
                delta_outside=delta * exp(beta),
            ),
            slips_stats.inverted(1 / odds_ratio, "e^(−β·Δx), the odds ratio for a decrease of Δx"),
        ),
        interval(
            "beta_ci",
            f"The {level}% confidence interval for β",
            (lo, hi),
            slips_stats.one_sided_z(one_sided, z1, z, level),
            slips_stats.no_z((beta - se, beta + se), z),
            slips_stats.exponentiated((exp(lo), exp(hi))),
            *tabled(WHY_INTERVALS, words, scaled_by_delta=(delta * lo, delta * hi)),
            # an interval near 0 would make a purely relative tolerance demand absurd precision
            tolerance=Tolerance(slack=Fraction(str(max(abs(lo), abs(hi)))) / 1000),
        ),
        interval(
            "odds_ratio_ci",
            f"The {level}% confidence interval for the odds ratio per {unit}",
            ci_or,
            *tabled(WHY_INTERVALS, words, forgot_delta=(exp(lo), exp(hi))),
            slips_stats.one_sided_z(tuple(exp(delta * b) for b in one_sided), z1, z, level),
            slips_stats.exponentiated_se(odds_ratio, z * exp(delta * se)),
            slips_stats.margin_not_exponentiated(odds_ratio, z * delta * se, "e^(β·Δx)"),
            slips_stats.not_exponentiated((delta * lo, delta * hi), "the log odds ratio β·Δx"),
            *tabled(WHY_INTERVALS, delta_outside=(delta * exp(lo), delta * exp(hi))),
        ),
    ]
    facts = dict(scenario=SCENARIOS[params["scenario"]], covariate=covariate, z=z, lo=lo, hi=hi)
    facts |= dict(odds_ratio=odds_ratio, ci_or=ci_or, contains_one=bool(lo < 0 < hi))
    facts["z_table"] = list(Z_TWO_SIDED.items())
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
            options=(*COVARIATES,),
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
    book_params=dict(
        scenario="alzheimer", covariate="bacteria", beta=0.0258, se=0.0194, level=99, delta=1
    ),
)
