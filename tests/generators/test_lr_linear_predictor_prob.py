"""lr_linear_predictor_prob: book instance, an independent float recomputation, and the slips."""

import math

import pytest

from generators.logistic_regression.lr_linear_predictor_prob import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError

BOOK = dict(FAMILY.book_params)


def test_book_instance_values():
    # the mock exam's model (β0 = -4.8792, β1 = 0.0258) at 100 colonies, computed by hand with bc
    variant = FAMILY.from_params(BOOK)
    assert to_float(variant.part("logit").answer) == pytest.approx(-2.2992, abs=1e-12)
    assert to_float(variant.part("odds").answer) == pytest.approx(0.100339082889, rel=1e-9)
    assert to_float(variant.part("probability").answer) == pytest.approx(0.091189238344, rel=1e-9)


def test_book_odds_formula_accepts_equivalent_forms():
    part = FAMILY.from_params(BOOK).part("odds_formula")
    assert check(part, "exp(-4.8792 + 0.0258X)").status == "correct"
    assert check(part, "exp(0.0258X) * exp(-4.8792)").status == "correct"
    assert check(part, "e^(-4.8792+0.0258*X)").status == "correct"
    assert check(part, "-4.8792 + 0.0258X").tag == "logit_not_odds"
    assert check(part, "1/(1+exp(4.8792 - 0.0258X))").tag == "probability_not_odds"
    assert check(part, "exp(0.0258X)").tag == "no_intercept"
    assert check(part, "exp(4.8792 - 0.0258X)").tag == "inverted"
    assert check(part, "exp(-4.8792 + 0.258X)").status == "incorrect"


def test_book_slips():
    variant = FAMILY.from_params(BOOK)
    probability = variant.part("probability")
    assert check(probability, "0.0912").status == "correct"
    assert check(probability, "0.1003").tag == "odds_not_probability"
    assert check(probability, "0.9088").tag == "sigma_minus_z"
    assert check(probability, str(1 / (1 + math.exp(-2.58)))).tag == "no_intercept"
    # the book's own pitfall: coefficients rounded to -4.88 and 0.03 (0.132389 by bc)
    verdict = check(probability, "0.132389")
    assert verdict.tag == "rounded_coefficients" and 0 < verdict.credit < 1
    odds = variant.part("odds")
    assert check(odds, "0.0912").tag == "probability_not_odds"
    assert check(odds, "-2.2992").tag == "logit_not_odds"


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


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"covariates": ["bacteria", "bacteria"]}, "covariates"),
        ({"covariates": ["coffee"]}, "covariates"),
        ({"coefficients": [0.0258, 1]}, "coefficients"),
        ({"coefficients": [0]}, "coefficients"),
        ({"values": [-3]}, "values"),
        ({"intercept": -30}, "intercept"),
        ({"intercept": 19, "values": [1000]}, "intercept"),
        ({"odds_formula": "yes"}, "odds_formula"),
    ],
)
def test_bad_params(change, name):
    with pytest.raises(ParamError) as error:
        FAMILY.from_params({**BOOK, **change})
    assert error.value.name == name


def test_indicator_must_be_zero_or_one():
    params = {
        "scenario": "alzheimer",
        "covariates": ["bacteria", "smoker"],
        "intercept": -4,
        "coefficients": [0.02, 0.5],
        "values": [100, 2],
        "odds_formula": False,
    }
    with pytest.raises(ParamError) as error:
        FAMILY.from_params(params)
    assert error.value.name == "values"


def test_draws_vary_structure():
    counts = {len(FAMILY.variant(seed).params["covariates"]) for seed in range(60)}
    assert counts == {1, 2, 3}
    formulas = {FAMILY.variant(seed).params["odds_formula"] for seed in range(60)}
    assert formulas == {True, False}
