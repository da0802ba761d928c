"""lr_linear_predictor_prob: book instance, an independent float recomputation, and the slips."""

import math

import pytest

from generators.logistic_regression.lr_linear_predictor_prob import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_book_instance_values_slips_and_forms():
    # the mock exam's model (β0 = -4.8792, β1 = 0.0258) at 100 colonies, computed by hand with bc
    variant = FAMILY.from_params(BOOK)
    answers = [to_float(variant.part(name).answer) for name in ("logit", "odds", "probability")]
    assert answers == pytest.approx([-2.2992, 0.100339082889, 0.091189238344], rel=1e-9)
    # the book's own pitfall: coefficients rounded to -4.88 and 0.03 give 0.132389 (bc)
    assert_graded(
        variant,
        [
            ("odds_formula", "exp(-4.8792 + 0.0258X)", "correct"),
            ("odds_formula", "exp(0.0258X) * exp(-4.8792)", "correct"),
            ("odds_formula", "e^(-4.8792+0.0258*X)", "correct"),
            ("odds_formula", "-4.8792 + 0.0258X", "logit_not_odds"),
            ("odds_formula", "1/(1+exp(4.8792 - 0.0258X))", "probability_not_odds"),
            ("odds_formula", "exp(0.0258X)", "no_intercept"),
            ("odds_formula", "exp(4.8792 - 0.0258X)", "inverted"),
            ("odds_formula", "exp(-4.8792 + 0.258X)", "incorrect"),
            ("probability", "0.0912", "correct"),
            ("probability", "0.1003", "odds_not_probability"),
            ("probability", "0.9088", "sigma_minus_z"),
            ("probability", str(1 / (1 + math.exp(-2.58))), "no_intercept"),
            ("probability", "0.132389", "rounded_coefficients"),
            ("odds", "0.0912", "probability_not_odds"),
            ("odds", "-2.2992", "logit_not_odds"),
        ],
    )


def test_negative_coefficient_sign_slip():
    params = dict(scenario="heart", covariates=["coffee", "exercise"], intercept=-1.5)
    params |= dict(coefficients=[0.03, -1.2], values=[40, 1], odds_formula=False)
    variant = FAMILY.from_params(params)
    z = -1.5 + 0.03 * 40 - 1.2
    assert to_float(variant.part("logit").answer) == pytest.approx(z)
    for part_id, typed in (("logit", z + 2.4), ("probability", 1 / (1 + math.exp(-z - 2.4)))):
        assert check(variant.part(part_id), str(typed)).tag == "coefficient_sign"
    assert "odds_formula" not in [p.id for p in variant.parts]


def test_float_recomputation():
    def oracle(params):
        pairs = zip(params["coefficients"], params["values"], strict=True)
        z = params["intercept"] + sum(float(b) * float(x) for b, x in pairs)
        assert 0.3 <= abs(z) <= 3.5 + 1e-9 and abs(params["intercept"]) <= 10
        return {"logit": z, "odds": math.exp(z), "probability": math.exp(z) / (1 + math.exp(z))}

    assert_oracle(FAMILY, oracle)


def test_related_bad_parameters_are_refused_by_name():
    bad = [("covariates", ["bacteria", "bacteria"]), ("covariates", ["coffee"])]
    bad += [("coefficients", [0.0258, 1]), ("coefficients", [0]), ("values", [-3])]
    bad += [("values", [100, 5])]  # one value per covariate
    assert_refused(FAMILY, BOOK, bad)
    with pytest.raises(ParamError, match="'intercept'"):  # the logit would be far too large
        FAMILY.from_params({**BOOK, "intercept": 19, "values": [1000]})
    # an indicator covariate must be 0 or 1
    params = dict(scenario="alzheimer", covariates=["bacteria", "smoker"], intercept=-4)
    params |= dict(coefficients=[0.02, 0.5], values=[100, 1], odds_formula=False)
    assert_refused(FAMILY, params, [("values", [100, 2])])


def test_draws_vary_structure():
    draws = [FAMILY.variant(seed).params for seed in range(60)]
    assert {len(params["covariates"]) for params in draws} == {1, 2, 3}
    assert {params["odds_formula"] for params in draws} == {True, False}
