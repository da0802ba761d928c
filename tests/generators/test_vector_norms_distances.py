"""vector_norms_distances: the book's DL-Q95 numbers, a hand-checked instance, a numpy oracle,
the slips, and mismatched lengths refused."""

import numpy as np

from generators.deep_learning.vector_norms_distances import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # DL-Q95: x1 - x2 = [4, -7, 1, 6]: L1 = 18, L2 = √102 ≈ 10.1
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("l1", "18", "correct"),
            ("l1", "4", "signs_cancelled"),
            ("l2", "sqrt(102)", "correct"),
            ("l2", "10.10", "correct"),
            ("l2", "102", "squared_not_root"),
            ("l2", "18", "l1_for_l2"),
            ("linf", "7", "correct"),
            ("linf", "6", "signed_maximum"),
            ("l2_norm", "sqrt(78)", "correct"),
            ("l2_norm", "78", "squared_not_root"),
        ],
    )


def test_hand_checked_instance():
    # x1 - x2 = [3, -4, 0]: L1 7, L2 5, L∞ 4; ‖x1‖ = √(1 + 4 + 4) = 3
    variant = FAMILY.from_params({"x1": [1, -2, 2], "x2": [-2, 2, 2]})
    assert_graded(
        variant,
        [
            ("l1", "7", "correct"),
            ("l2", "5", "correct"),
            ("l2", "25", "squared_not_root"),
            ("linf", "4", "correct"),
            ("linf", "3", "signed_maximum"),
            ("l2_norm", "3", "correct"),
        ],
    )


def test_matches_a_numpy_oracle():
    def oracle(params):
        d = np.array(params["x1"], float) - np.array(params["x2"], float)
        return {
            "l1": np.linalg.norm(d, 1),
            "l2": np.linalg.norm(d),
            "linf": np.linalg.norm(d, np.inf),
            "l2_norm": np.linalg.norm(np.array(params["x1"], float)),
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("x2", [1, 2, 3]), ("x1", [0.5, 1, 2, 3])])
