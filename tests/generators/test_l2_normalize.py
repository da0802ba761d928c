"""l2_normalize: the book's DL-Q23 input, a hand-checked instance, a numpy oracle, the slips, and
the zero vector refused."""

import numpy as np
import pytest

from generators.deep_learning.l2_normalize import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q23: [1, 2, 3] / √14 ≈ [0.2673, 0.5345, 0.8018]
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("norm", "sqrt(14)", "correct"),
            ("norm", "3.742", "correct"),
            ("norm", "14", "squared_not_root"),
            ("norm", "6", "l1_for_l2"),
            ("unit", "[0.2673, 0.5345, 0.8018]", "correct"),
            ("unit", "[1/6, 1/3, 1/2]", "l1_normalised"),
            ("unit", "[1/14, 2/14, 3/14]", "squared_norm"),
        ],
    )


def test_hand_checked_instance():
    # [3, -4]: norm 5, unit (0.6, -0.8)
    variant = FAMILY.from_params({"v": [3, -4]})
    assert_graded(
        variant,
        [
            ("norm", "5", "correct"),
            ("unit", "[0.6, -0.8]", "correct"),
            ("unit", "[0.8, -0.6]", "incorrect"),
            ("unit", "[3/7, -4/7]", "l1_normalised"),
        ],
    )


def test_matches_a_numpy_oracle():
    assert_oracle(FAMILY, lambda params: {"norm": np.linalg.norm(params["v"])})
    for seed in range(40):
        variant = FAMILY.variant(seed)
        v = np.array(variant.params["v"], float)
        got = [to_float(x) for x in variant.part("unit").answer]
        assert got == pytest.approx(v / np.linalg.norm(v), rel=1e-12)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("v", [0, 0, 0]), ("v", [])])
