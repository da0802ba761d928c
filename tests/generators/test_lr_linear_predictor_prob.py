"""lr_linear_predictor_prob: book instance, an independent float recomputation, and the slips."""

import math

import pytest

from generators.logistic_regression.lr_linear_predictor_prob import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError
from tests.kit_helpers import assert_graded, assert_refused

BOOK = dict(FAMILY.book_params)


def test_book_instance_values():
    # the mock exam's model (β0 = -4.8792, β1 = 0.0258) at 100 colonies, computed by hand with bc
    variant = FAMILY.from_params(BOOK)
    assert to_float(variant.part("logit").answer) == pytest.approx(-2.2992, abs=1e-12)
    assert to_float(variant.part("odds").answer) == pytest.approx(0.100339082889, rel=1e-9)
    assert to_float(variant.part("probability").answer) == pytest.approx(0.091189238344, rel=1e-9)


def test_book_slips_and_equivalent_forms():
    # the book's own pitfall: coefficients rounded to -4.88 and 0.03 give 0.132389 (bc)
    assert_graded(
        FAMILY.from_params(BOOK),
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
    params = {
        "scenario": "heart",
        "covariates": ["coffee", "exercise"],
        "intercept": -1.5,
        "coefficients": [0.03, -1.2],
        "values": [40, 1],
        "odds_formula": False,
    }
    variant = FAMILY.from_params(params)
    z = -1.5 + 0.03 * 40 - 1.2
    assert to_float(variant.part("logit").answer) == pytest.approx(z)
    assert check(variant.part("logit"), str(z + 2.4)).tag == "coefficient_sign"
    assert check(variant.part("probability"), str(1 / (1 + math.exp(-(z + 2.4))))).tag == (
        "coefficient_sign"
    )
    assert "odds_formula" not in [p.id for p in variant.parts]


@pytest.mark.parametrize("seed", range(12))
def test_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    params = variant.params
    z = params["intercept"] + sum(
        float(b) * float(x) for b, x in zip(params["coefficients"], params["values"], strict=True)
    )
    assert to_float(variant.part("logit").answer) == pytest.approx(z, rel=1e-9, abs=1e-12)
    assert to_float(variant.part("odds").answer) == pytest.approx(math.exp(z), rel=1e-9)
    assert to_float(variant.part("probability").answer) == pytest.approx(
        math.exp(z) / (1 + math.exp(z)), rel=1e-9
    )
    assert 0.3 <= abs(z) <= 3.5 + 1e-9
    assert abs(params["intercept"]) <= 10


def test_related_bad_parameters_are_refused_by_name():
    bad = [("covariates", ["bacteria", "bacteria"]), ("covariates", ["coffee"])]
    bad += [("coefficients", [0.0258, 1]), ("coefficients", [0]), ("values", [-3])]
    assert_refused(FAMILY, BOOK, bad)
    with pytest.raises(ParamError, match="'intercept'"):  # the logit would be far too large
        FAMILY.from_params({**BOOK, "intercept": 19, "values": [1000]})


def test_indicator_must_be_zero_or_one():
    params = {
        "scenario": "alzheimer",
        "covariates": ["bacteria", "smoker"],
        "intercept": -4,
        "coefficients": [0.02, 0.5],
        "values": [100, 2],
        "odds_formula": False,
    }
    assert_refused(FAMILY, {**params, "values": [100, 1]}, [("values", [100, 2])])


def test_draws_vary_structure():
    counts = {len(FAMILY.variant(seed).params["covariates"]) for seed in range(60)}
    assert counts == {1, 2, 3}
    formulas = {FAMILY.variant(seed).params["odds_formula"] for seed in range(60)}
    assert formulas == {True, False}
