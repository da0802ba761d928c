"""logic_gate_perceptron: the book's AND unit (DL-Q46), a hand-checked NOR unit, a brute-force
oracle for the bias interval, and bad parameters."""

from fractions import Fraction

import pytest

from generators.deep_learning.logic_gate_perceptron import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = FAMILY.book_params
TABLES = {"AND": (0, 0, 0, 1), "OR": (0, 1, 1, 1), "NAND": (1, 1, 1, 0), "NOR": (1, 0, 0, 0)}


def test_book_instance_gives_the_books_numbers():
    # DL-Q46: w = (1, 1), b = -1.5: sums (-1.5, -0.5, -0.5, 0.5) -> AND; OR needs b in [-1, 0)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("sums", "[-1.5, -0.5, -0.5, 0.5]", "correct"),
            ("sums", "[0, 1, 1, 2]", "bias_forgotten"),
            ("outputs", "[0, 0, 0, 1]", "correct"),
            ("outputs", "[1, 1, 1, 0]", "complement"),
            ("gate", "a", "correct"),
            ("gate", "b", "incorrect"),
            ("bias_interval", "[-1, 0]", "correct"),
            ("bias_interval", "[-2, -1]", "wrong_gate_interval"),
            ("xor_possible", "false", "correct"),
            ("xor_possible", "true", "xor_separable"),
        ],
    )


def test_hand_checked_nor_unit():
    # w = (-1, -2), b = 0.5: sums (0.5, -1.5, -0.5, -2.5) -> NOR;
    # NAND needs b ≥ 2 (so (0,1) fires) and b < 3 (so (1,1) does not): [2, 3)
    variant = FAMILY.from_params({"w": [-1, -2], "b": 0.5})
    assert_graded(
        variant,
        [
            ("outputs", "[1, 0, 0, 0]", "correct"),
            ("gate", "d", "correct"),
            ("bias_interval", "[2, 3]", "correct"),
            ("bias_interval", "[0, 1]", "wrong_gate_interval"),
        ],
    )


@pytest.mark.parametrize("seed", range(30))
def test_bias_interval_matches_a_brute_force_scan(seed):
    variant = FAMILY.variant(seed)
    w1, w2 = (Fraction(v) for v in variant.params["w"])
    other = variant.part("bias_interval").prompt.split("compute ")[1].split(":")[0]
    grid = [Fraction(k, 8) for k in range(-8 * 14, 8 * 14)]
    hits = [
        b
        for b in grid
        if tuple(int(w1 * x1 + w2 * x2 + b >= 0) for x1, x2 in ((0, 0), (0, 1), (1, 0), (1, 1)))
        == TABLES[other]
    ]
    lower, upper = variant.part("bias_interval").answer
    assert min(hits) == lower and max(hits) == upper - Fraction(1, 8)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("w", [1, -1]), ("w", [1, 1, 1]), ("b", 0.5), ("b", -3)])
