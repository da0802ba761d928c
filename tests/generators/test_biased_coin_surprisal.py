"""biased_coin_surprisal: the book's 0.98 coin, a hand-checked coin, a float oracle, slips."""

import math

from generators.information_theory.biased_coin_surprisal import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():  # IT-Q14: 98%, 0.0291, 5.644, 0.1414 bits
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("accuracy", "98%", "correct"),
            ("accuracy", "0.98", "correct"),
            ("accuracy", "0.02", "complement"),
            ("surprisal_heads", "0.0291", "correct"),
            ("surprisal_heads", f"{-math.log(0.98):.6f}", "natural_log"),
            ("surprisal_heads", "5.644", "swapped"),
            ("surprisal_tails", "5.644", "correct"),
            ("surprisal_tails", f"{-math.log(0.02):.5f}", "natural_log"),
            ("surprisal_tails", "-5.644", "missing_minus"),
            ("more_information", "b", "correct"),
            ("more_information", "a", "likelier_side"),
            ("entropy", "0.1414", "correct"),
            ("entropy", f"{(5.64386 + 0.029146) / 2:.5f}", "unweighted"),
        ],
    )


def test_hand_checked_coin_that_favours_tails():
    # p = 1/4: surprisals 2 and log2(4/3) = 0.41504; H = 0.5 + 0.75 × 0.41504 = 0.81128
    variant = FAMILY.from_params({"p_heads": 0.25})
    assert_graded(
        variant,
        [
            ("accuracy", "75%", "correct"),
            ("surprisal_heads", "2", "correct"),
            ("surprisal_tails", "0.415", "correct"),
            ("more_information", "a", "correct"),
            ("entropy", "0.8113", "correct"),
        ],
    )
    assert "below the 1 bit that only a fair coin reaches" in variant.solution


def test_matches_a_float_oracle():
    def oracle(params):
        p = float(params["p_heads"])
        h = -p * math.log2(p) - (1 - p) * math.log2(1 - p)
        return {
            "accuracy": max(p, 1 - p),
            "surprisal_heads": -math.log2(p),
            "surprisal_tails": -math.log2(1 - p),
            "entropy": h,
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("p_heads", 0.5), ("p_heads", 0), ("p_heads", 1)])
