"""maxwell_boltzmann_mode: the book's mode √(2kT/m), nitrogen by hand, an oracle over seeds."""

import math

from generators.bayesian.maxwell_boltzmann_mode import FAMILY, GASES
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
K = 1.380649e-23
U = 1.66053906660e-27


def test_book_mode_and_the_other_speeds():  # PRB-66: the mode is √(2kT/m)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("formula", "sqrt(2*k*T/m)", "correct"),
            ("formula", "sqrt(8*k*T/(pi*m))", "mean_not_mode"),
            ("formula", "sqrt(3 k T/m)", "rms_not_mode"),
            ("formula", "2*k*T/m", "missing_sqrt"),
            # nitrogen at 300 K, by hand: √(2·1.380649e-23·300/(28·1.6605e-27)) ≈ 422.1 m/s
            ("value", "422.1", "correct"),
            ("value", "476.3", "mean_not_mode"),
            ("value", "517", "rms_not_mode"),
        ],
    )


def test_hand_checked_helium_rms():
    # by hand: v_rms = √(3·1.380649e-23·400/(4·1.66053906660e-27)) ≈ 1579 m/s
    variant = FAMILY.from_params({"target": "rms", "gas": "helium", "temperature": 400})
    assert_graded(variant, [("value", "1579", "correct"), ("formula", "sqrt(3*k*T/m)", "correct")])


def test_matches_a_float_oracle():
    factor = {"mode": 2.0, "mean": 8 / math.pi, "rms": 3.0}

    def oracle(params):
        mass = GASES[params["gas"]] * U
        return {"value": math.sqrt(factor[params["target"]] * K * params["temperature"] / mass)}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("temperature", 0), ("gas", "xenon"), ("target", "median")])
