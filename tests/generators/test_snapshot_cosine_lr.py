"""snapshot_cosine_lr: a hand-checked schedule, a rounded-up cycle, a numpy schedule, bad t."""

import math

import numpy as np

from generators.ensembles.snapshot_cosine_lr import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_our_instance_by_hand():
    # L = 300/6 = 50; mod(119, 50) = 19: 0.05·(cos(19π/50) + 1) = 0.05 · 1.368125 = 0.068406
    # snapshot at 3·50 = 150; lowest 0.05·(1 − cos(π/50)) = 9.8664e-5; mod(120, 50) = 20 gives
    # 0.05·(cos(0.4π) + 1) = 0.065451; one cosine over 300: 0.05·(cos(119π/300) + 1) = 0.065948
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("cycle_length", "50", "correct"),
            ("alpha_t", "0.06841", "correct"),
            ("alpha_t", "0.06545", "mod_off_by_one"),
            ("alpha_t", "0.06595", "no_restart"),
            ("alpha_t", "0.1368", "missing_half"),
            ("snapshot", "150", "correct"),
            ("snapshot", "101", "cycle_start"),
            ("lowest", "9.866e-5", "correct"),
        ],
    )


def test_cycle_rounds_up_and_the_last_cycle_is_short():
    # T = 100, M = 3: L = ⌈33.3⌉ = 34; t = 90 is in cycle 3, which ends at T = 100
    assert_graded(
        FAMILY.from_params({"alpha0": 0.2, "T": 100, "M": 3, "t": 90}),
        [
            ("cycle_length", "34", "correct"),
            ("cycle_length", "33", "floor_not_ceiling"),
            ("snapshot", "100", "correct"),
        ],
    )


def test_matches_a_numpy_schedule():
    def oracle(params):
        a0, total, m, t = float(params["alpha0"]), params["T"], params["M"], params["t"]
        length = math.ceil(total / m)
        steps = np.arange(1, total + 1)
        schedule = a0 / 2 * (np.cos(np.pi * ((steps - 1) % length) / length) + 1)
        ends = [min(c * length, total) for c in range(1, m + 1)]
        return {
            "cycle_length": length,
            "alpha_t": schedule[t - 1],
            "snapshot": min(e for e in ends if e >= t),
            "lowest": schedule[:length].min(),
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("t", 20), ("t", 101), ("t", 150), ("t", 301), ("M", 400)])
