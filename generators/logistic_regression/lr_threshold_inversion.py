"""Invert a fitted logistic model: which covariate value gives a target probability?

Varies PRB-20(2) and PRB-22(2) (the gum-bacteria / Alzheimer model of the mock exam: β0 = -4.8792,
β1 = 0.0258, p* = 0.5 gives X = 4.8792/0.0258 ≈ 189.116). One to three covariates; the others are
held at given values and p* is on a 0.05 grid (0.5 often, where logit(p*) = 0). Asked: logit(p*),
then the covariate value. Slips: p* (or the odds) in place of logit(p*), the wrong coefficient as
divisor, the other covariates or the intercept forgotten, a sign error moving terms across.
"""

from __future__ import annotations

from random import Random

import sympy

from generators.logistic_regression import _context as lr
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import logit, prompt, real, slip, slips_stats, tabled, wrong_bases
from interview_sim.render import num

PARAMS = (  # besides the fitted model's
    Param("target", "which covariate to solve for (1-based position)", "integer", low=1, high=3),
    Param(
        "others", "values of the other covariates, in model order", "numbers", low=0, length=(0, 2)
    ),
    Param("p_target", "target probability p*", low=0, high=1, open=True),
)
HALF = sympy.Rational(1, 2)  # a common target: logit(1/2) = 0
# This family's own slips, for the logit and for the covariate value ({p}: p*, {b0}: β0).
WHY_LOGIT = {
    "p_not_logit": "that is p* itself; the model is linear in ln(p/(1 − p)).",
    "odds_not_logit": "those are the odds p/(1 − p); take their natural log.",
}
WHY_VALUE = {
    "p_not_logit": "that sets the linear predictor equal to p* = {p}; it must equal logit(p*).",
    "odds_not_logit": "that sets the linear predictor equal to the odds; it must equal their log.",
    "forgot_others": "the other covariates still contribute to the logit: subtract their terms "
    "too.",
    "forgot_intercept": "the intercept β0 = {b0} must be moved across as well.",
}


def draw(rng: Random) -> dict:
    scenario = lr.SCENARIOS[rng.choice(sorted(lr.SCENARIOS))]
    continuous = [k for k in scenario.covariates if not lr.COVARIATES[k].indicator]
    while True:
        solved_for = rng.choice(continuous)
        rest = [k for k in scenario.covariates if k != solved_for]
        keys = [solved_for, *rng.sample(rest, rng.choice((0, 1, 1, 2)))]
        rng.shuffle(keys)
        j = keys.index(solved_for)
        covariates = [lr.COVARIATES[k] for k in keys]
        coefficients = [c.draw_coef(rng) for c in covariates]
        others = [c.draw_value(rng) for c in covariates[:j] + covariates[j + 1 :]]
        p_target = HALF if rng.random() < 0.3 else lr.grid(rng, "0.05", "0.95", "0.05")
        if not scenario.plausible(p_target):  # a 95% ten-year heart-attack risk reads as absurd
            continue
        # the answer should land inside the covariate's usual range, away from its ends
        low, high, step = covariates[j].value_range
        wanted = lr.grid(rng, low, high, step)
        if wanted < sympy.Rational(high) / 5:
            continue
        other_coefficients = coefficients[:j] + coefficients[j + 1 :]
        fixed = sum(b * x for b, x in zip(other_coefficients, others, strict=True))
        intercept = lr.round_to(logit(p_target) - coefficients[j] * wanted - fixed, 2)
        if abs(intercept) <= 10:
            break
    model = {"scenario": scenario.key, "covariates": keys, "intercept": intercept}
    return dict(model, coefficients=coefficients, target=j + 1, others=others, p_target=p_target)


def check(params: dict) -> None:
    covariates = lr.check_model(params)
    k, j = len(covariates), params["target"] - 1
    if not 0 <= j < k:
        raise ParamError("target", f"must name one of the {k} covariates (1–{k})")
    if (chosen := covariates[j]).indicator:
        raise ParamError("target", f"{chosen.key} is a 0/1 indicator: solve for a measurement")
    if len(params["others"]) != k - 1:
        raise ParamError("others", f"must give the values of the other {k - 1} covariate(s)")
    lr.check_values([c for i, c in enumerate(covariates) if i != j], params["others"], "others")


def solve(params: dict) -> Solved:
    b0, betas, p = params["intercept"], list(params["coefficients"]), params["p_target"]
    j = params["target"] - 1
    covariates = [lr.COVARIATES[k] for k in params["covariates"]]
    other_idx = [i for i in range(len(betas)) if i != j]
    held = dict(zip(other_idx, params["others"], strict=True))
    fixed = sum(betas[i] * held[i] for i in other_idx)
    rest = b0 + fixed  # what the intercept and the held covariates add to the logit
    bj, short, odds = betas[j], covariates[j].short, p / (1 - p)
    z = logit(p)  # the linear predictor must reach the target's log-odds
    numerator = z - rest
    words = {"p": num(p), "b0": num(b0)}
    answer = numerator / bj
    if other_idx:  # divided by the first other covariate's coefficient
        i = other_idx[0]
        why = (
            f"that divides by the coefficient of {covariates[i].short} ({num(betas[i])}); "
            f"divide by the coefficient of {short} ({num(bj)})."
        )
        wrong_divisor = slip("wrong_coefficient", why, numerator / betas[i])
    else:  # a single covariate: intercept and slope swapped (nothing to swap when β0 = 0)
        why = (
            "the roles of intercept and slope are swapped: solve β0 + β1·x = logit(p*) for x, "
            f"dividing by the slope {num(bj)}."
        )
        wrong_divisor = slip("wrong_coefficient", why, (z - bj) / b0) if b0 else None
    logit_part = real(
        "logit",
        prompt("The log-odds that correspond to P(y = 1) = {{ p | num }}", p=p),
        z,
        *tabled(WHY_LOGIT, p_not_logit=p, odds_not_logit=odds),
        *wrong_bases(lambda base: sympy.log(odds, base), None, "the logit"),
        slips_stats.sign(-z, "the sign is flipped: that is ln((1 − p)/p)."),
    )
    value_part = real(
        "value",
        prompt("The value of {{ short }} at which P(y = 1) = {{ p | num }}", short=short, p=p),
        answer,
        *tabled(WHY_VALUE, words, p_not_logit=(p - rest) / bj, odds_not_logit=(odds - rest) / bj),
        wrong_divisor,
        *tabled(WHY_VALUE, words, forgot_others=(z - b0) / bj, forgot_intercept=(z - fixed) / bj),
        slips_stats.sign(-answer),
    )
    facts = lr.model_facts(params)
    names = facts["names"]
    facts |= dict(j=j, fixed=fixed, logit=z, answer=answer, numerator=numerator)
    facts["others"] = [(names[i], covariates[i], held[i], betas[i] * held[i]) for i in other_idx]
    facts["lhs"] = num(b0) + (lr.signed(fixed) if other_idx else "") + f"{lr.signed(bj)}·{names[j]}"
    return Solved([logit_part, value_part], facts)


FAMILY = Family(
    id="lr_threshold_inversion",
    chapter="logistic_regression",
    title="Covariate value for a target probability",
    book_refs=("PRB-20", "PRB-22"),
    params=(*lr.MODEL_PARAMS, *PARAMS),
    draw=draw,
    solve=solve,
    check=check,
    version=2,
    book_params={**lr.BOOK_MODEL, "target": 1, "others": [], "p_target": 0.5},
)
