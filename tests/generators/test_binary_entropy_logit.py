"""binary_entropy_logit: hand-checked values in nats and bits, the slips, bad parameters."""

import math

from generators.logistic_regression.binary_entropy_logit import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)


def test_our_instance_in_nats():
    # H(0.1) = -0.1 ln 0.1 - 0.9 ln 0.9 = 0.230259 + 0.094824 = 0.325083 nats; slope ln 9 = 2.197
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("argmax", "0.5", "correct"),
            ("argmax", "0.6931", "max_value_not_argmax"),
            ("max_value", "ln(2)", "correct"),
            ("max_value", "1", "log2"),
            ("derivative", "ln((1-p)/p)", "correct"),
            ("derivative", "ln(1-p) - ln(p)", "correct"),
            ("derivative", "ln(p/(1-p))", "sign"),
            ("value", "0.3251", "correct"),
            ("value", "0.469", "log2"),
            ("value", "-0.3251", "missing_minus"),
            ("slope", "2.197", "correct"),
            ("slope", "-2.197", "sign"),
            ("slope", "0.9542", "log10"),
        ],
    )


def test_hand_checked_bits():
    # p0 = 0.25 in bits: H = 0.25·2 + 0.75·log2(4/3) = 0.5 + 0.311278 = 0.811278; slope log2 3
    variant = FAMILY.from_params({"p0": 0.25, "unit": "bits"})
    assert_graded(
        variant,
        [
            ("max_value", "1", "correct"),
            ("max_value", "0.6931", "natural_log"),
            ("derivative", "log((1-p)/p, 2)", "correct"),
            ("derivative", "ln((1-p)/p)", "natural_log"),
            ("value", "0.8113", "correct"),
            ("value", "0.5623", "natural_log"),
            ("slope", "1.585", "correct"),
            ("slope", "1.099", "natural_log"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        p = float(params["p0"])
        log = math.log if params["unit"] == "nats" else math.log2
        return {
            "value": -p * log(p) - (1 - p) * log(1 - p),
            "slope": log((1 - p) / p),
            "max_value": log(2),
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, BOOK, [("p0", 0.5), ("p0", 1), ("unit", "hartleys")])
