"""Invert a fitted logistic model: which covariate value gives a target probability?

Varies PRB-20(2) and PRB-22(2) (the gum-bacteria / Alzheimer model of the mock exam: β0 = -4.8792,
β1 = 0.0258, p* = 0.5 gives X = 4.8792/0.0258 ≈ 189.116). One to three covariates; the others are
held at given values and p* is on a 0.05 grid (0.5 often, where logit(p*) = 0). Asked: logit(p*),
then the covariate value. Slips modelled: using p* (or the odds) in place of logit(p*), dividing by
the wrong coefficient, forgetting the other covariates or the intercept, and a sign error when
moving terms across.
"""

from __future__ import annotations

from random import Random

import sympy

from generators.logistic_regression._context import (
    BOOK_MODEL,
    COVARIATES,
    SCENARIOS,
    check_scenario,
    check_values,
    grid,
    linear_text,
    round_to,
    signed,
)
from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import prompt, real, slip, wrong_bases
from interview_sim.render import num


def logit(p):
    return sympy.log(p / (1 - p))


def draw(rng: Random) -> dict:
    scenario = SCENARIOS[rng.choice(sorted(SCENARIOS))]
    continuous = [k for k in scenario.covariates if not COVARIATES[k].indicator]
    while True:
        solved_for = rng.choice(continuous)
        rest = [k for k in scenario.covariates if k != solved_for]
        keys = [solved_for, *rng.sample(rest, rng.choice((0, 1, 1, 2)))]
        rng.shuffle(keys)
        target = keys.index(solved_for) + 1
        covariates = [COVARIATES[k] for k in keys]
        coefficients = [c.draw_coef(rng) for c in covariates]
        others = [c.draw_value(rng) for i, c in enumerate(covariates) if i != target - 1]
        p_target = sympy.Rational(1, 2) if rng.random() < 0.3 else grid(rng, "0.05", "0.95", "0.05")
        if not scenario.plausible(p_target):  # a 95% ten-year heart-attack risk reads as absurd
            continue
        # the answer should land inside the covariate's usual range, away from its ends
        low, high, step = covariates[target - 1].value_range
        wanted = grid(rng, low, high, step)
        if wanted < sympy.Rational(high) / 5:
            continue
        fixed = sum(
            b * x
            for b, x in zip(
                [b for i, b in enumerate(coefficients) if i != target - 1], others, strict=True
            )
        )
        intercept = round_to(logit(p_target) - coefficients[target - 1] * wanted - fixed, 2)
        if abs(intercept) <= 10:
            break
    return {
        "scenario": scenario.key,
        "covariates": keys,
        "intercept": intercept,
        "coefficients": coefficients,
        "target": target,
        "others": others,
        "p_target": p_target,
    }


def check(params: dict) -> None:
    covariates = check_scenario(params["scenario"], params["covariates"])
    k = len(covariates)
    if len(params["coefficients"]) != k:
        raise ParamError("coefficients", f"must have one entry per covariate ({k})")
    if any(b == 0 for b in params["coefficients"]):
        raise ParamError(
            "coefficients", "a zero coefficient removes its covariate: drop it instead"
        )
    if not 1 <= params["target"] <= k:
        raise ParamError("target", f"must name one of the {k} covariates (1–{k})")
    j = params["target"] - 1
    if covariates[j].indicator:
        raise ParamError(
            "target", f"{covariates[j].key} is a 0/1 indicator: solve for a measurement"
        )
    if len(params["others"]) != k - 1:
        raise ParamError("others", f"must give the values of the other {k - 1} covariate(s)")
    check_values([c for i, c in enumerate(covariates) if i != j], params["others"], "others")


def solve(params: dict) -> Solved:
    b0, betas, p = params["intercept"], list(params["coefficients"]), params["p_target"]
    j = params["target"] - 1
    covariates = [COVARIATES[k] for k in params["covariates"]]
    other_idx = [i for i in range(len(betas)) if i != j]
    values = dict(zip(other_idx, params["others"], strict=True))
    fixed_terms = [betas[i] * values[i] for i in other_idx]
    fixed = sum(fixed_terms)
    bj = betas[j]
    target_logit = logit(p)
    answer = (target_logit - b0 - fixed) / bj
    short = covariates[j].short

    logit_part = real(
        "logit",
        prompt("The log-odds that correspond to P(y = 1) = {{ p | num }}", p=p),
        target_logit,
        slip("p_not_logit", "that is p* itself; the model is linear in ln(p/(1 − p)).", p),
        slip(
            "odds_not_logit", "those are the odds p/(1 − p); take their natural log.", p / (1 - p)
        ),
        *wrong_bases(lambda base: sympy.log(p / (1 - p), base), None, "the logit"),
        slip("sign", "the sign is flipped: that is ln((1 − p)/p).", -target_logit),
    )
    if other_idx:
        i = other_idx[0]
        wrong_divisor = slip(
            "wrong_coefficient",
            f"that divides by the coefficient of {covariates[i].short} ({num(betas[i])}); "
            f"divide by the coefficient of {short} ({num(bj)}).",
            (target_logit - b0 - fixed) / betas[i],
        )
    else:
        wrong_divisor = (
            None
            if b0 == 0
            else slip(
                "wrong_coefficient",
                "the roles of intercept and slope are swapped: solve β0 + β1·x = logit(p*) "
                f"for x, dividing by the slope {num(bj)}.",
                (target_logit - bj) / b0,
            )
        )
    value_part = real(
        "value",
        prompt("The value of {{ short }} at which P(y = 1) = {{ p | num }}", short=short, p=p),
        answer,
        slip(
            "p_not_logit",
            f"that sets the linear predictor equal to p* = {num(p)}; it must equal logit(p*).",
            (p - b0 - fixed) / bj,
        ),
        slip(
            "odds_not_logit",
            "that sets the linear predictor equal to the odds; it must equal their log.",
            (p / (1 - p) - b0 - fixed) / bj,
        ),
        wrong_divisor,
        slip(
            "forgot_others",
            "the other covariates still contribute to the logit: subtract their terms too.",
            (target_logit - b0) / bj,
        ),
        slip(
            "forgot_intercept",
            f"the intercept β0 = {num(b0)} must be moved across as well.",
            (target_logit - fixed) / bj,
        ),
        slip("sign", "a sign slipped when moving the terms across.", -answer),
    )
    names = [f"x{i + 1}" for i in range(len(betas))]
    facts = {
        "scenario": SCENARIOS[params["scenario"]],
        "covariates": covariates,
        "names": names,
        "model": linear_text(b0, betas, names),
        "j": j,
        "name": names[j],
        "others": [(names[i], covariates[i], values[i], betas[i] * values[i]) for i in other_idx],
        "fixed": fixed,
        "logit": target_logit,
        "answer": answer,
        "half": p == sympy.Rational(1, 2),
        "numerator": target_logit - b0 - fixed,
        "lhs": num(b0) + (signed(fixed) if other_idx else "") + f"{signed(bj)}·{names[j]}",
        "divisor": f"({num(bj)})" if bj < 0 else num(bj),
    }
    return Solved([logit_part, value_part], facts)


FAMILY = Family(
    id="lr_threshold_inversion",
    chapter="logistic_regression",
    title="Covariate value for a target probability",
    book_refs=("PRB-20", "PRB-22"),
    params=(
        Param("scenario", "the story: what y = 1 means", "choice", options=tuple(SCENARIOS)),
        Param("covariates", "covariate names of the scenario, in model order (1–3)", "data"),
        Param("intercept", "intercept β0", low=-20, high=20),
        Param("coefficients", "coefficients β1..βk", "numbers", low=-10, high=10, length=(1, 3)),
        Param(
            "target", "which covariate to solve for (1-based position)", "integer", low=1, high=3
        ),
        Param(
            "others",
            "values of the other covariates, in model order",
            "numbers",
            low=0,
            length=(0, 2),
        ),
        Param("p_target", "target probability p*", low=0, high=1, open=True),
    ),
    draw=draw,
    solve=solve,
    check=check,
    version=2,
    book_params={
        **BOOK_MODEL,
        "target": 1,
        "others": [],
        "p_target": 0.5,
    },
)
