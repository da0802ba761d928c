"""lr_threshold_inversion: book instance, an independent float recomputation, and the slips."""

import math

import pytest

from generators.logistic_regression.lr_threshold_inversion import FAMILY
from interview_sim.answers.check import to_float
from interview_sim.family import ParamError
from tests.kit_helpers import assert_graded, assert_refused

BOOK = dict(FAMILY.book_params)


def test_book_instance_values_and_slips():  # PRB-22(2), mock exam: p* = 0.5 at X = 4.8792/0.0258
    variant = FAMILY.from_params(BOOK)
    assert to_float(variant.part("logit").answer) == 0
    assert to_float(variant.part("value").answer) == pytest.approx(189.116279069767, rel=1e-12)
    assert_graded(
        variant,
        [
            ("value", "189.1", "correct"),
            ("value", str((0.5 + 4.8792) / 0.0258), "p_not_logit"),
            ("value", str((1 + 4.8792) / 0.0258), "odds_not_logit"),
            ("value", "-189.116", "sign"),
            ("value", str((0 - 0.0258) / -4.8792), "wrong_coefficient"),
        ],
    )


def test_several_covariates():
    params = dict(scenario="cancer", covariates=["smoker", "radiation", "tumour"], intercept=-3.1)
    params |= dict(coefficients=[0.8, 0.04, 0.35], target=2, others=[1, 2.5], p_target=0.75)
    variant = FAMILY.from_params(params)
    lg, others = math.log(3), 0.8 * 1 + 0.35 * 2.5
    answers = [to_float(variant.part(name).answer) for name in ("logit", "value")]
    assert answers == pytest.approx([lg, (lg + 3.1 - others) / 0.04], rel=1e-12)
    assert_graded(
        variant,
        [
            ("value", str((lg + 3.1) / 0.04), "forgot_others"),
            ("value", str((lg + 3.1 - others) / 0.8), "wrong_coefficient"),
            ("value", str((0.75 + 3.1 - others) / 0.04), "p_not_logit"),
            ("value", str((lg - others) / 0.04), "forgot_intercept"),
            ("logit", "0.75", "p_not_logit"),
            ("logit", "3", "odds_not_logit"),
            ("logit", str(math.log10(3)), "log10"),
        ],
    )


@pytest.mark.parametrize("seed", range(40))
def test_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    params = variant.params
    betas = [float(b) for b in params["coefficients"]]
    j = params["target"] - 1
    others = iter(float(x) for x in params["others"])
    fixed = sum(b * next(others) for i, b in enumerate(betas) if i != j)
    p = float(params["p_target"])
    x = (math.log(p / (1 - p)) - float(params["intercept"]) - fixed) / betas[j]
    answer = to_float(variant.part("value").answer)
    assert answer == pytest.approx(x, rel=1e-9)
    # the family's answer, plugged back into the model, gives p*
    z = float(params["intercept"]) + fixed + betas[j] * answer
    assert 1 / (1 + math.exp(-z)) == pytest.approx(p, rel=1e-9)
    assert x > 0  # draws land inside the covariate's plausible range
    assert round(p * 20, 9) == int(round(p * 20))  # 0.05 grid


def test_half_is_common():
    assert 15 <= sum(FAMILY.variant(s).params["p_target"] == 0.5 for s in range(100)) <= 60


def test_bad_parameters_are_refused_by_name():
    bad = [("target", 2), ("others", [3]), ("p_target", 1), ("p_target", 0), ("coefficients", [0])]
    bad.append(("coefficients", [0.0258, 1]))  # one coefficient per covariate
    assert_refused(FAMILY, BOOK, bad)
    with pytest.raises(ParamError, match="'target'.*indicator"):  # solving for a 0/1 covariate
        FAMILY.from_params({**BOOK, "covariates": ["smoker"]})
