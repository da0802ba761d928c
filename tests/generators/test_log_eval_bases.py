"""log_eval_bases: the book's six printed values, a hand-checked program, an oracle, slips."""

import math

from generators.information_theory.log_eval_bases import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params


def test_book_instance_gives_the_books_numbers():  # IT-Q1
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("call_1", "0.0202027", "correct"),
            ("call_1", f"{math.log10(1 / 0.98):.6f}", "log10"),
            ("call_2", "0.00877392", "correct"),
            ("call_3", "0.0291463", "correct"),
            ("call_4", "3.91202", "correct"),
            ("call_4", "1.69897", "log10"),
            ("call_4", "-3.91202", "sign"),
            ("call_5", "1.69897", "correct"),
            ("call_6", "5.64386", "correct"),
            ("call_6", "3.91202", "natural_log"),
        ],
    )


def test_hand_checked_program():  # log2(0.25) = -2, ln(0.25) = -1.386294, log2(0.125) = -3
    params = {
        "probabilities": [0.25, 0.125],
        "functions": ["math.log", "math.log2"],
        "form": "plain",
    }
    assert_graded(
        FAMILY.from_params(params),
        [
            ("call_1", "-1.3863", "correct"),
            ("call_2", "-2", "correct"),
            ("call_2", "2", "sign"),
            ("call_3", "-2.0794", "correct"),
            ("call_4", "-3", "correct"),
            ("call_4", "-0.9031", "log10"),
        ],
    )


def test_matches_a_float_oracle():
    functions = {"math.log": math.log, "np.log10": math.log10, "math.log2": math.log2}

    def oracle(params):
        out, index = {}, 1
        for p in params["probabilities"]:
            x = 1 / float(p) if params["form"] == "reciprocal" else float(p)
            for name in params["functions"]:
                out[f"call_{index}"] = functions[name](x)
                index += 1
        return out

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("probabilities", [0.5, 0.5]),
            ("probabilities", [0, 0.5]),
            ("functions", ["math.log", "math.log"]),
            ("functions", ["math.log1p"]),
            ("form", "inverse"),
        ],
    )
