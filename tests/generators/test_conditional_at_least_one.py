"""conditional_at_least_one: the book's two particles, a hand-checked instance, an oracle."""

from fractions import Fraction

from generators.bayesian.conditional_at_least_one import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_two_particles_give_one_third():  # PRB-43: (1/4)/(3/4) = 1/3, not 1/2
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("at_least_one", "3/4", "correct"),
            ("at_least_one", "1/4", "complement"),
            ("conditional", "1/3", "correct"),
            ("conditional", "(1/4)/(3/4)", "correct"),
            ("conditional", "1/2", "first_one_given"),
            ("conditional", "1/4", "not_conditioned"),
        ],
    )


def test_hand_checked_exactly_one_of_three_dice():
    # by hand: P(>=1 six) = 1 - 125/216 = 91/216; P(exactly one) = 3·(1/6)(25/36) = 75/216
    variant = FAMILY.from_params({"context": "dice", "m": 3, "q": "1/6", "target": "exactly_one"})
    assert_graded(
        variant,
        [
            ("at_least_one", "91/216", "correct"),
            ("at_least_one", "0.5", "added_chances"),
            ("conditional", "75/91", "correct"),
            ("conditional", "0.824", "correct"),
            ("conditional", "25/36", "first_one_given"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        m, q = params["m"], float(Fraction(str(params["q"])))
        p_any = 1 - (1 - q) ** m
        event = q**m if params["target"] == "all" else m * q * (1 - q) ** (m - 1)
        return {"at_least_one": p_any, "conditional": event / p_any}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("q", 0), ("q", 1), ("m", 0)])
    assert_refused(FAMILY, {**BOOK, "context": "children"}, [("q", "1/3")])
