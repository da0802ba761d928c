"""lr_odds_logodds: the book's numbers (PRB-5, PRB-12), a float oracle, slips, bad parameters."""

import math

from generators.logistic_regression.lr_odds_logodds import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():
    # PRB-5: p = 0.1 -> odds 1/9, log-odds -2.197 (log10 slip: -0.954); PRB-12: 4 to 1 -> 0.8
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("odds", "1/9", "correct"),
            ("odds", "0.1111", "correct"),
            ("odds", "9", "inverted"),
            ("odds", "0.1", "probability_not_odds"),
            ("log_odds", "-2.197", "correct"),
            ("log_odds", "-0.954", "log10"),
            ("log_odds", "-3.170", "log2"),
            ("log_odds", "2.197", "sign"),
            ("probability", "0.8", "correct"),
            ("probability", "4", "odds_as_probability"),
            ("probability", "0.2", "complement"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        p, a, b = float(params["p"]), params["odds_for"], params["odds_against"]
        return {"odds": p / (1 - p), "log_odds": math.log(p / (1 - p)), "probability": a / (a + b)}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("p", 0), ("p", 1), ("p", "x"), ("odds_for", 0), ("odds_for", 1.5), ("odds_against", -2)],
    )
