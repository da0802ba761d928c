"""kl_based_distances: a hand-checked pair, a float oracle, slips and bad parameters."""

import math
from fractions import Fraction

from generators.information_theory.kl_based_distances import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def kl(p, q):
    return sum(a * math.log2(a / b) for a, b in zip(p, q, strict=True))


def test_hand_checked_pair():
    # P = (1/2, 1/2), Q = (1/4, 3/4), log2 3 = 1.58496: D(P‖Q) = 1 − ½·log2 3 = 0.20752,
    # D(Q‖P) = ¾·log2 3 − 1 = 0.18872, J = ¼·log2 3 = 0.39624; M = (3/8, 5/8):
    # D(P‖M) = ½·log2(4/3) + ½·log2(4/5) = ½·(0.41504 − 0.32193) = 0.04655,
    # D(Q‖M) = ¼·log2(2/3) + ¾·log2(6/5) = −0.14624 + 0.19728 = 0.05104, JS = 0.04879
    variant = FAMILY.from_params({"story": "topics", "p": [0.5, 0.5], "q": [0.25, 0.75]})
    assert_graded(
        variant,
        [
            ("jeffreys", "0.3962", "correct"),
            ("jeffreys", "0.2075", "one_direction"),
            ("jeffreys", "0.1981", "halved"),
            ("js", "0.04879", "correct"),
            ("js", "0.1981", "mixture_ignored"),
            ("js", "0.09759", "no_half"),
            ("max_kl", "0.2075", "correct"),
            ("max_kl", "0.1887", "smaller"),
            ("bounded", "b", "correct"),
            ("bounded", "a", "unbounded"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        p = [float(Fraction(str(x))) for x in params["p"]]
        q = [float(Fraction(str(x))) for x in params["q"]]
        m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
        return {
            "jeffreys": sum((a - b) * math.log2(a / b) for a, b in zip(p, q, strict=True)),
            "js": (kl(p, m) + kl(q, m)) / 2,
            "max_kl": max(kl(p, q), kl(q, p)),
        }

    assert_oracle(FAMILY, oracle)


def test_js_stays_within_one_bit_and_the_larger_direction_is_named_right():
    for seed in range(40):
        variant = FAMILY.variant(seed)
        facts = variant.facts
        assert 0 < float(facts["js"]) <= 1, seed
        name = "D(P‖Q)" if facts["pq"] > facts["qp"] else "D(Q‖P)"
        assert f"The larger direction is {name}" in variant.solution, seed


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [("q", [0.5, 0.3, 0.2]), ("q", [0.5, 0.4]), ("q", [0.5, 0.5]), ("p", [1, 0])],
    )
