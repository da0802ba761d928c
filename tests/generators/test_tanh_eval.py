"""tanh_eval: the book's DL-Q48 input, a hand-checked instance, a math.tanh oracle, the slips."""

import math

import pytest

from generators.deep_learning.tanh_eval import FAMILY
from interview_sim.answers.check import to_float
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q48: tanh([0.37, 0.192, 0.571]) ≈ [0.3540, 0.1897, 0.5161]
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("tanh", "[0.3540, 0.1897, 0.5161]", "correct"),
            ("tanh", "[0.5915, 0.5479, 0.6390]", "sigmoid_for_tanh"),
            ("derivative", "[0.8747, 0.9640, 0.7336]", "correct"),
            ("derivative", "[0.6460, 0.8103, 0.4839]", "derivative_not_squared"),
        ],
    )


def test_hand_checked_instance():
    # tanh(0.5) = (e - 1)/(e + 1) ≈ 0.46212; 1 - 0.46212² ≈ 0.78645; tanh is odd
    variant = FAMILY.from_params({"x": [0.5, -0.5]})
    assert_graded(
        variant,
        [
            ("tanh", "[0.4621, -0.4621]", "correct"),
            ("derivative", "[0.7864, 0.7864]", "correct"),
            ("tanh", "[-0.4621, 0.4621]", "incorrect"),
        ],
    )


@pytest.mark.parametrize("seed", range(40))
def test_matches_math_tanh(seed):
    variant = FAMILY.variant(seed)
    x = [float(v) for v in variant.params["x"]]
    got_t = [to_float(v) for v in variant.part("tanh").answer]
    got_d = [to_float(v) for v in variant.part("derivative").answer]
    assert got_t == pytest.approx([math.tanh(v) for v in x], rel=1e-12)
    assert got_d == pytest.approx([1 / math.cosh(v) ** 2 for v in x], rel=1e-12)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x", [21]), ("x", [])])
