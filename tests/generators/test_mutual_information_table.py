"""mutual_information_table: a hand-checked channel, a float oracle, slips, bad parameters."""

import math
from fractions import Fraction

from generators.information_theory.mutual_information_table import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
# worked by hand: a binary symmetric channel with crossover 0.2 and a uniform input,
# p = [[0.4, 0.1], [0.1, 0.4]]: H(X) = H(Y) = 1, H(X,Y) = 1 + h(0.2) = 1.72193,
# so H(X|Y) = H(Y|X) = h(0.2) = 0.72193 and I = 1 − h(0.2) = 0.27807.
# Asymmetric one: p = [[1/2, 1/4], [0, 1/4]]: H(X) = h(1/4) = 0.81128, H(Y) = h(1/2) = 1,
# H(X,Y) = 1.5, H(X|Y) = 0.5, H(Y|X) = 0.68872, I = 0.31128.
HAND = {"story": "channel", "joint": [[0.5, 0.25], [0, 0.25]]}


def test_hand_checked_instance():
    assert_graded(
        FAMILY.from_params(HAND),
        [
            ("h_x", "0.8113", "correct"),
            ("h_x", "1", "wrong_margin"),
            ("h_x", "1.5", "joint"),
            ("h_x_given_y", "0.5", "correct"),
            ("h_x_given_y", "0.6887", "swapped"),
            ("h_x_given_y", f"{0.5 * math.log(2):.5f}", "natural_log"),
            ("h_y_given_x", "0.6887", "correct"),
            ("h_y_given_x", "0.5", "swapped"),
            ("mi", "0.3113", "correct"),
            ("mi", "-0.3113", "sign"),
            ("mi", f"{0.81128 - 0.68872:.5f}", "wrong_conditional"),
        ],
    )


def test_symmetric_channel_has_its_textbook_values():
    h = -(0.2 * math.log2(0.2) + 0.8 * math.log2(0.8))
    variant = FAMILY.from_params({"story": "channel", "joint": [[0.4, 0.1], [0.1, 0.4]]})
    assert_graded(
        variant, [("mi", f"{1 - h:.6f}", "correct"), ("h_x_given_y", f"{h:.6f}", "correct")]
    )


def test_matches_a_float_oracle():
    def entropy(ps):
        return -sum(p * math.log2(p) for p in ps if p > 0)

    def oracle(params):
        joint = [[float(Fraction(str(c))) for c in row] for row in params["joint"]]
        h_xy = entropy([c for row in joint for c in row])
        h_x, h_y = (
            entropy([sum(row) for row in joint]),
            entropy([sum(col) for col in zip(*joint, strict=True)]),
        )
        return {
            "h_x": h_x,
            "h_x_given_y": h_xy - h_y,
            "h_y_given_x": h_xy - h_x,
            "mi": h_x + h_y - h_xy,
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("joint", [[0.4, 0.1], [0.1, 0.3]]),
            ("joint", [[0.5, 0.5], [0, 0]]),
            ("joint", [[0.5, 0], [0.5, 0]]),
            ("joint", [[0.4, 0.1, 0.1], [0.1, 0.3]]),
            ("story", "weather"),
        ],
    )
