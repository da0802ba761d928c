"""boltzmann_entropy_dice: the book's octahedral die, hand-checked coins, an oracle, bad params."""

import math

from generators.information_theory.boltzmann_entropy_dice import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
K_B = 1.380649e-23


def test_book_instance_gives_the_books_numbers():  # IT-Q30: 2.871e-23 J/K, 2.0794 nats, 3 bits
    variant = FAMILY.from_params(BOOK)
    assert [part.id for part in variant.parts] == ["entropy", "nats", "bits"]
    assert_graded(
        variant,
        [
            ("entropy", "2.871e-23", "correct"),
            ("entropy", "2.0794", "missing_constant"),
            ("entropy", "1.1045e-22", "count_not_log"),
            ("nats", "2.0794", "correct"),
            ("nats", "3", "log2"),
            ("bits", "3", "correct"),
            ("bits", "2.0794", "natural_log"),
        ],
    )


def test_hand_checked_coins():  # 3 coins: W = 8, ln 8 = 2.0794, 3 bits, S = 3·k_B·ln 2
    variant = FAMILY.from_params({"faces": 2, "dice": 3})
    assert_graded(
        variant,
        [
            ("states", "8", "correct"),
            ("states", "6", "multiplied"),
            ("entropy", f"{3 * K_B * 0.693147:.5e}", "correct"),
            ("entropy", f"{K_B * 0.693147:.5e}", "single_die"),
            ("nats", "2.0794", "correct"),
            ("bits", "3", "correct"),
            ("bits", "1", "single_die"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        f, n = params["faces"], params["dice"]
        out = {
            "entropy": K_B * n * math.log(f),
            "nats": n * math.log(f),
            "bits": n * math.log2(f),
        }
        return out | ({"states": f**n} if n > 1 else {})

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("faces", 1), ("dice", 0), ("faces", 2.5)])
