"""activation_differentiability: the book's −x / x² activation (DL-Q36), |x| and a jump worked by
hand, a finite-difference oracle for the one-sided slopes, and bad parameters."""

import pytest

from generators.deep_learning.activation_differentiability import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q36: -x for x < 0, x² for x ≥ 0: continuous, slopes -1 and 0, a corner; f'(2) = 4
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("continuous", "true", "correct"),
            ("left_slope", "-1", "correct"),
            ("left_slope", "0", "wrong_piece"),
            ("right_slope", "0", "correct"),
            ("differentiable", "false", "correct"),
            ("differentiable", "true", "corner_ignored"),
            ("slope_x0", "4", "correct"),
            ("slope_x0", "-1", "wrong_piece"),
        ],
    )


def test_absolute_value_and_a_jump_by_hand():
    # |x|: corner with slopes -1, 1
    assert_graded(
        FAMILY.from_params({"left": [0, -1, 0], "right": [0, 1, 0], "x0": -1}),
        [
            ("differentiable", "false", "correct"),
            ("slope_x0", "-1", "correct"),
            ("slope_x0", "1", "wrong_piece"),
        ],
    )
    # 1 + x for x < 0, x for x ≥ 0: equal slopes but a jump of 1
    jump = FAMILY.from_params({"left": [1, 1, 0], "right": [0, 1, 0], "x0": 1})
    assert_graded(
        jump,
        [
            ("continuous", "false", "correct"),
            ("continuous", "true", "jump_ignored"),
            ("differentiable", "true", "continuity_ignored"),
        ],
    )


@pytest.mark.parametrize("seed", range(40))
def test_one_sided_slopes_match_finite_differences(seed):
    variant = FAMILY.variant(seed)
    left, right = variant.params["left"], variant.params["right"]

    def f(x):
        c = left if x < 0 else right
        return c[0] + c[1] * x + c[2] * x * x

    h = 1e-7
    assert to_float(variant.part("left_slope").answer) == pytest.approx(
        (f(-h) - f(-2 * h)) / h, abs=1e-5
    )
    assert to_float(variant.part("right_slope").answer) == pytest.approx(
        (f(2 * h) - f(h)) / h, abs=1e-5
    )
    continuous = abs(f(-1e-9) - f(0)) < 1e-6
    assert variant.part("continuous").answer == continuous


def test_all_three_kinds_are_drawn():
    kinds = set()
    for seed in range(60):
        parts = FAMILY.variant(seed)
        kinds.add((parts.part("continuous").answer, parts.part("differentiable").answer))
    assert kinds == {(True, True), (True, False), (False, False)}


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x0", 0), ("right", [0, -1, 0]), ("left", [1, 2])])
