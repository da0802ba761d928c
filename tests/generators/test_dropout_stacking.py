"""dropout_stacking: our instance worked by hand, a Monte-Carlo check with numpy masks that two
layers drop like one, the slips, and bad parameters."""

import numpy as np
import pytest

from generators.deep_learning.dropout_stacking import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_own_instance_worked_by_hand():
    # p 0.5, q 0.2: keep 0.5·0.8 = 0.4, drop 0.6; scale 2; kept 2/0.4 = 5; classic mean 0.8
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("formula", "1 - (1 - p)*(1 - q)", "correct"),
            ("formula", "p + q - p*q", "correct"),
            ("formula", "p + q", "probabilities_added"),
            ("formula", "p*q", "probabilities_multiplied"),
            ("combined", "0.6", "correct"),
            ("combined", "0.7", "probabilities_added"),
            ("combined", "0.1", "probabilities_multiplied"),
            ("combined", "0.4", "complement"),
            ("scale", "2", "correct"),
            ("kept_value", "5", "correct"),
            ("kept_value", "4", "one_layer_only"),
            ("kept_value", "2", "not_rescaled"),
            ("classic_expectation", "0.8", "correct"),
            ("classic_expectation", "2", "expectation_unchanged"),
        ],
    )


def test_scale_slips_on_another_instance():
    # p = 0.25: scale 4/3; 1/p = 4 and 1 - p = 0.75 are the slips
    variant = FAMILY.from_params({"p": 0.25, "q": 0.1, "a": 1.5})
    assert_graded(
        variant,
        [
            ("scale", "1.333", "correct"),
            ("scale", "4", "scale_by_p"),
            ("scale", "0.75", "scale_not_inverted"),
            ("combined", "0.325", "correct"),
        ],
    )


@pytest.mark.parametrize("seed", range(5))
def test_two_masks_drop_like_one_monte_carlo(seed):
    variant = FAMILY.variant(seed)
    p, q = (float(variant.params[k]) for k in "pq")
    rng = np.random.default_rng(seed)
    kept = (rng.random(200_000) >= p) & (rng.random(200_000) >= q)
    assert 1 - kept.mean() == pytest.approx(to_float(variant.part("combined").answer), abs=0.01)


def test_matches_a_float_oracle():
    def oracle(params):
        p, q, a = (float(params[k]) for k in "pqa")
        return {
            "combined": p + q - p * q,
            "scale": 1 / (1 - p),
            "kept_value": a / (1 - p) / (1 - q),
            "classic_expectation": a * (1 - p) * (1 - q),
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("p", 1), ("q", 0), ("a", 0)])
