"""lr_table_significance: hand-checked rows, the one-sided and sign slips, bad tables."""

import math

from generators.logistic_regression.lr_table_significance import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = dict(FAMILY.book_params)
HEART = {
    "scenario": "heart",
    "covariates": ["coffee", "exercise"],
    "estimates": [-2, 0.33, -0.9],
    "ses": [0.5, 0.2, 0.3],
    "asked": 1,
    "alpha": "0.05",
}


def test_our_migraine_table():
    # coffee: z = 0.012/0.009 = 1.3333, p = 2(1 − Φ(1.3333)) = 2 · 0.091211 = 0.182422 (z table)
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("z", "1.333", "correct"),
            ("z", "0.75", "inverted"),
            ("p_value", "0.1824", "correct"),
            ("p_value", "0.0912", "one_sided_p"),
            ("p_value", "0.8176", "complement"),
            ("p_value", "0.9088", "cdf_not_tail"),
            ("evidence", "false", "correct"),
            ("increased", "false", "correct"),
        ],
    )


def test_one_sided_p_would_flip_the_verdict():
    # coffee: z = 0.33/0.2 = 1.65, two-sided p = 0.098943 > 0.05 but one-sided 0.049471 < 0.05
    assert_graded(
        FAMILY.from_params(HEART),
        [
            ("z", "1.65", "correct"),
            ("p_value", "0.09894", "correct"),
            ("evidence", "false", "correct"),
            ("evidence", "true", "one_sided_p"),
            ("increased", "false", "correct"),
            ("increased", "true", "one_sided_p"),
        ],
    )


def test_significant_but_protective():
    # exercise: z = -0.9/0.3 = -3, p = 2(1 − Φ(3)) = 0.0026998: evidence, but it lowers the risk
    assert_graded(
        FAMILY.from_params({**HEART, "asked": 2}),
        [
            ("z", "-3", "correct"),
            ("z", "3", "sign"),
            ("p_value", "0.0027", "correct"),
            ("evidence", "true", "correct"),
            ("increased", "false", "correct"),
            ("increased", "true", "sign_ignored"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        j = params["asked"]
        z = float(params["estimates"][j]) / float(params["ses"][j])
        p = math.erfc(abs(z) / math.sqrt(2))
        evidence = p < float(params["alpha"])
        return {
            "z": z,
            "p_value": p,
            "evidence": float(evidence),
            "increased": float(evidence and z > 0),
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("asked", 3),
            ("estimates", [-2.14, 0.17]),
            ("estimates", [-2.14, 0, 0.012]),
            ("ses", [0.41, 0.06, 0.00612]),  # p = 0.0499: too close to α to judge
            ("covariates", ["amalgam", "smoker"]),
        ],
    )
