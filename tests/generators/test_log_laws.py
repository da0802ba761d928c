"""log_laws: the book's three values, a hand-checked set, a float oracle, slips, bad parameters."""

import math

from generators.information_theory.log_laws import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
LOGS = {2: math.log2, 10: math.log10, "e": math.log}


def test_book_instance_gives_the_books_numbers():  # IT-Q2: 1.07918, 12, 1.60944
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("sum", "1.07918", "correct"),
            ("sum", "log10(12)", "correct"),
            ("sum", f"{math.log10(7):.5f}", "sum_inside"),
            ("power", "12", "correct"),
            ("power", "24", "power_not_log"),
            ("power", "2", "exponent_only"),
            ("difference", "1.60944", "correct"),
            ("difference", f"{math.log(12):.5f}", "difference_inside"),
            ("difference", f"{math.log(15) / math.log(3):.5f}", "quotient_of_logs"),
            ("difference", f"{math.log10(5):.5f}", "log10"),
        ],
    )


def test_hand_checked_set():  # log2 4 + log2 8 = 2 + 3; log10(100^3) = 6; ln 20 − ln 4 = ln 5
    params = {
        "sum_base": 2,
        "sum_args": [4, 8],
        "power_base": 10,
        "power": [100, 3],
        "difference_base": "e",
        "difference_args": [20, 4],
    }
    assert_graded(
        FAMILY.from_params(params),
        [
            ("sum", "5", "correct"),
            ("sum", "6", "product_of_logs"),
            ("power", "6", "correct"),
            ("power", "300", "power_not_log"),
            ("difference", "1.6094", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        (a, b), (c, n), (big, small) = (
            params["sum_args"],
            params["power"],
            params["difference_args"],
        )
        return {
            "sum": LOGS[params["sum_base"]](a) + LOGS[params["sum_base"]](b),
            "power": LOGS[params["power_base"]](c**n),
            "difference": LOGS[params["difference_base"]](big)
            - LOGS[params["difference_base"]](small),
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("difference_args", [3, 3]),
            ("power", [4, 1]),
            ("sum_base", 3),
            ("sum_args", [3]),
        ],
    )
