"""lr_2x2_association: a hand-checked table, a float oracle, the slips, the stories, bad tables."""

import math

import pytest

from generators.logistic_regression.lr_2x2_association import FAMILY, STORIES
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_hand_checked_table():
    # smokers 60 of 200 ill, non-smokers 20 of 250, 95%: worked by hand with a calculator:
    # RR = 0.3/0.08 = 3.75, OR = 60·230/(140·20) = 4.92857, ln OR = 1.59505,
    # SE = √(1/60 + 1/140 + 1/20 + 1/230) = √0.0781573 = 0.279566,
    # log CI = 1.59505 ± 0.547950 = [1.04710, 2.14300], OR CI = [2.84937, 8.52497]
    variant = FAMILY.from_params(
        {"story": "smoking", "counts": [[60, 140], [20, 230]], "level": 95}
    )
    assert_graded(
        variant,
        [
            ("relative_risk", "3.75", "correct"),
            ("relative_risk", "0.2667", "inverted"),
            ("relative_risk", "4.929", "odds_ratio_not_risk"),
            ("relative_risk", "3", "counts_not_proportions"),
            ("relative_risk", str(0.7 / 0.92), "columns_swapped"),
            ("odds_ratio", "4.929", "correct"),
            ("odds_ratio", "0.2029", "inverted"),
            ("odds_ratio", "3.75", "risk_not_odds_ratio"),
            ("log_odds_ratio", "1.595", "correct"),
            ("log_odds_ratio", "0.6927", "log10"),
            ("log_odds_ratio", "-1.595", "sign"),
            ("se", "0.2796", "correct"),
            ("se", "0.07816", "no_sqrt"),
            ("log_or_ci", "[1.047, 2.143]", "correct"),
            ("or_ci", "[2.849, 8.525]", "correct"),
            ("or_ci", "[1.047, 2.143]", "not_exponentiated"),
            ("contains_one", "false", "correct"),
            ("contains_one", "true", "interval_misread"),
        ],
    )


def test_our_proton_instance_contains_one():
    variant = FAMILY.from_params(BOOK)
    assert variant.part("contains_one").answer is True
    assert to_float(variant.part("odds_ratio").answer) == pytest.approx(560 * 36 / (260 * 69))


def test_matches_a_float_oracle():
    z = {90: 1.645, 95: 1.96, 99: 2.576}

    def oracle(params):
        (a, b), (c, d) = params["counts"]
        log_or = math.log(a * d / (b * c))
        se = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
        return {
            "relative_risk": (a / (a + b)) / (c / (c + d)),
            "odds_ratio": a * d / (b * c),
            "log_odds_ratio": log_or,
            "se": se,
            "contains_one": float(abs(log_or) < z[params["level"]] * se),
        }

    assert_oracle(FAMILY, oracle)


def test_stories_are_plausible_over_many_seeds():
    for seed in range(300):
        params = FAMILY.variant(seed).params
        story = STORIES[params["story"]]
        (a, b), (c, d) = params["counts"]
        low, high = (float(r) for r in story.rates)
        assert min(a, b, c, d) >= 10
        for rate in (a / (a + b), c / (c + d)):
            assert low - 0.01 <= rate <= high + 0.01, (seed, rate)
        if story.order:
            assert a / (a + b) >= c / (c + d), seed


def test_both_verdicts_occur():
    verdicts = {FAMILY.variant(seed).part("contains_one").answer for seed in range(60)}
    assert verdicts == {True, False}


def test_bad_tables_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("counts", [[10, 20], [10, 20]]), ("counts", [[0, 5], [3, 4]]), ("counts", [[1, 2]])],
    )
    assert_refused(
        FAMILY,
        {"story": "cannabinoid", "counts": [[30, 70], [20, 80]], "level": 95},
        [("counts", [[20, 80], [30, 70]])],
    )
