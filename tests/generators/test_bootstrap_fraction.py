"""bootstrap_fraction: hand-checked small cases, a huge N without overflow, a simulation."""

import math
import random

from generators.ensembles.bootstrap_fraction import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_hand_checked_ten_examples():
    # (9/10)^10 = 3486784401/10^10 = 0.3486784401; distinct = 10·0.6513215599 = 6.513215599
    assert_graded(
        FAMILY.from_params({"n": 10, "m": 10}),
        [
            ("left_out", "0.3487", "correct"),
            ("left_out", "0.6513", "complement"),
            ("left_out", "0.9", "one_draw"),
            ("left_out", "0.3679", "limit_used"),
            ("left_out", "0", "without_replacement"),
            ("distinct", "6.513", "correct"),
            ("distinct", "3.487", "left_out_count"),
            ("distinct", "10", "without_replacement"),
            ("distinct", "6.321", "limit_used"),
        ],
    )


def test_huge_n_in_logs():
    # N = m = 10^6: (1 − 10^-6)^(10^6) = 0.367879257 (1/e · (1 − 1/(2N)) to first order)
    variant = FAMILY.from_params({"n": 10**6, "m": 10**6})
    assert_graded(variant, [("left_out", "0.3679", "correct"), ("distinct", "632121", "correct")])


def test_simulated_bootstraps_agree():
    rng = random.Random(7)
    n, m, runs = 40, 20, 20000
    distinct = sum(len({rng.randrange(n) for _ in range(m)}) for _ in range(runs)) / runs
    variant = FAMILY.from_params({"n": n, "m": m})
    assert abs(distinct - float(variant.part("distinct").answer)) < 0.05


def test_matches_a_float_oracle():
    def oracle(params):
        n, m = params["n"], params["m"]
        out = math.exp(m * math.log1p(-1 / n))
        return {"left_out": out, "distinct": n * (1 - out)}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("n", 1), ("m", 0)])
