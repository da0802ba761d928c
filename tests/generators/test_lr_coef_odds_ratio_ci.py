"""lr_coef_odds_ratio_ci: book instance, an independent float recomputation, and the slips."""

import math

import pytest

from generators.logistic_regression.lr_coef_odds_ratio_ci import FAMILY
from interview_sim.answers.check import check, to_float
from tests.kit_helpers import assert_refused

BOOK = dict(FAMILY.book_params)
MOCK_EXAM = {**BOOK, "level": 95}
Z = {90: 1.645, 95: 1.960, 99: 2.576, 99.9: 3.291}


def floats(variant, part_id: str) -> list[float]:
    return [to_float(x) for x in variant.part(part_id).answer]


def test_book_and_mock_exam_values_and_slips():
    # PRB-22: β = 0.0258, SE = 0.0194, 99% (z = 2.576); values from math floats
    variant = FAMILY.from_params(BOOK)
    assert floats(variant, "beta_ci") == pytest.approx([-0.0241744, 0.0757744], abs=1e-12)
    assert floats(variant, "odds_ratio_ci") == pytest.approx([0.9761154604, 1.0787191877], rel=1e-9)
    assert check(variant.part("beta_ci"), "[-0.019324, 0.070924]").tag == "one_sided_z"
    # mock exam: β = 0.0258, SE = 0.0194, 95% (z = 1.96); values by hand with bc
    variant = FAMILY.from_params(MOCK_EXAM)
    assert to_float(variant.part("odds_ratio").answer) == pytest.approx(1.026135700809, rel=1e-10)
    assert floats(variant, "beta_ci") == pytest.approx([-0.012224, 0.063824], abs=1e-12)
    expected = [0.987850409585, 1.065904783009]
    assert floats(variant, "odds_ratio_ci") == pytest.approx(expected, rel=1e-10)
    assert check(variant.part("odds_ratio"), "1.0261").status == "correct"
    assert check(variant.part("odds_ratio"), "0.0258").tag == "log_odds_ratio"
    beta_ci = variant.part("beta_ci")
    assert check(beta_ci, "[-0.0122, 0.0638]").status == "correct"  # four decimals are enough
    assert check(beta_ci, "[-0.006113, 0.057713]").tag == "one_sided_z"
    assert check(beta_ci, "[0.0064, 0.0452]").tag == "no_z"
    assert check(beta_ci, "[0.98785, 1.0659]").tag == "exponentiated"
    or_ci = variant.part("odds_ratio_ci")
    assert check(or_ci, "[0.98785, 1.06590]").status == "correct"
    assert check(or_ci, "[0.993906, 1.059411]").tag == "one_sided_z"
    e_se, odds = math.exp(0.0194), 1.0261357
    assert check(or_ci, f"[{odds - 1.96 * e_se}, {odds + 1.96 * e_se}]").tag == "exponentiated_se"
    assert check(or_ci, "[-0.012224, 0.063824]").tag == "not_exponentiated"


def test_delta_slips():
    variant = FAMILY.from_params({**MOCK_EXAM, "delta": 10})
    odds_ratio = variant.part("odds_ratio")
    assert to_float(odds_ratio.answer) == pytest.approx(math.exp(0.258))
    assert check(odds_ratio, str(math.exp(0.0258))).tag == "forgot_delta"
    assert check(odds_ratio, str(10 * math.exp(0.0258))).tag == "delta_outside"
    assert check(odds_ratio, "0.258").tag == "log_odds_ratio"
    or_ci = variant.part("odds_ratio_ci")
    lo, hi = 0.0258 - 1.96 * 0.0194, 0.0258 + 1.96 * 0.0194
    assert check(or_ci, f"[{math.exp(10 * lo)}, {math.exp(10 * hi)}]").status == "correct"
    assert check(or_ci, f"[{math.exp(lo)}, {math.exp(hi)}]").tag == "forgot_delta"
    beta_ci = variant.part("beta_ci")  # the interval for β stays per unit
    assert check(beta_ci, f"[{lo}, {hi}]").status == "correct"
    assert check(beta_ci, f"[{10 * lo}, {10 * hi}]").tag == "scaled_by_delta"


@pytest.mark.parametrize("seed", range(40))
def test_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    params = variant.params
    beta, se, delta = float(params["beta"]), float(params["se"]), float(params["delta"])
    lo, hi = beta - Z[params["level"]] * se, beta + Z[params["level"]] * se
    assert to_float(variant.part("odds_ratio").answer) == pytest.approx(math.exp(beta * delta))
    assert floats(variant, "beta_ci") == pytest.approx([lo, hi])
    ci = floats(variant, "odds_ratio_ci")
    assert ci == pytest.approx([math.exp(delta * lo), math.exp(delta * hi)])
    assert ci[0] < math.exp(beta * delta) < ci[1]


def test_bad_params_are_refused_by_name():
    bad = [("beta", 0), ("se", 0), ("level", 97), ("delta", 0), ("covariate", "coffee")]
    assert_refused(FAMILY, BOOK, bad)
    assert_refused(FAMILY, {**BOOK, "covariate": "smoker"}, [("delta", 2)])  # a 0/1 indicator
    assert_refused(FAMILY, {**BOOK, "beta": 5}, [("delta", 100)])  # the odds ratios would overflow
