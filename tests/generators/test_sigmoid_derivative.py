"""sigmoid_derivative: hand-checked values, equivalent forms, the slips, bad parameters."""

import math

from generators.logistic_regression.sigmoid_derivative import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)
OURS = {"a": 2, "b": -3, "x0": 2.5}


def test_book_function_at_one():
    # σ(1) = 1/(1 + e^-1) = 0.731059; σ'(1) = 0.731059 · 0.268941 = 0.196612 (calculator)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("value", "0.7311", "correct"),
            ("value", "0.2689", "complement"),
            ("derivative", "sigmoid(x)*(1-sigmoid(x))", "correct"),
            ("derivative", "exp(-x)/(1+exp(-x))^2", "correct"),
            ("derivative", "e^x/(1+e^x)^2", "correct"),
            ("derivative", "exp(-x)/(1+exp(x))^2", "sign_typo"),
            ("derivative", "sigmoid(x)*(1+sigmoid(x))", "plus_not_minus"),
            ("slope", "0.1966", "correct"),
            ("slope", "0.7311", "value_not_slope"),
            ("max_slope", "0.25", "correct"),
            ("max_slope", "1", "one_not_quarter"),
            ("steepest", "0", "correct"),
        ],
    )


def test_hand_checked_chain_rule():
    # f(x) = σ(2x − 3) at x0 = 2.5: u0 = 2, σ(2) = 0.880797, f'(2.5) = 2 · 0.880797 · 0.119203
    # = 0.209987; largest slope 2/4 = 0.5 at x = 3/2 (by hand)
    variant = FAMILY.from_params(OURS)
    assert_graded(
        variant,
        [
            ("value", "0.8808", "correct"),
            ("derivative", "2*sigmoid(2x-3)*(1-sigmoid(2x-3))", "correct"),
            ("derivative", "sigmoid(2x-3)*(1-sigmoid(2x-3))", "chain_rule_missing"),
            ("slope", "0.21", "correct"),
            ("slope", "0.105", "chain_rule_missing"),
            ("max_slope", "0.5", "correct"),
            ("max_slope", "0.25", "chain_rule_missing"),
            ("steepest", "1.5", "correct"),
            ("steepest", "-1.5", "sign"),
            ("steepest", "0", "zero"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        a, b, x0 = (float(params[k]) for k in ("a", "b", "x0"))
        s = 1 / (1 + math.exp(-(a * x0 + b)))
        return {"value": s, "slope": a * s * (1 - s), "max_slope": abs(a) / 4, "steepest": -b / a}

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(FAMILY, OURS, [("a", 0), ("x0", 1.5), ("x0", 5), ("b", -1)])
