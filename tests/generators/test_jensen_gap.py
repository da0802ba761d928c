"""jensen_gap: our default instance, a hand-checked concave case, a float oracle, bad params."""

import math
from fractions import Fraction

from generators.information_theory.jensen_gap import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
F = {
    "square": lambda v: v * v,
    "exp": math.exp,
    "neg_log": lambda v: -math.log(v),
    "reciprocal": lambda v: 1 / v,
    "log": math.log,
    "sqrt": math.sqrt,
}


def test_default_instance():  # X = 1 or 3, f = x²: E[f] = 5, f(E) = 4, gap 1
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("expected_f", "5", "correct"),
            ("expected_f", "4", "swapped"),
            ("f_of_mean", "4", "correct"),
            ("gap", "1", "correct"),
            ("gap", "-1", "sign"),
            ("larger", "a", "correct"),
            ("larger", "b", "reversed_inequality"),
            ("proves_kl", "true", "correct"),
        ],
    )


def test_hand_checked_concave_case():
    # f = ln, X = 1 (0.2) or 4 (0.8): E[ln X] = 0.8·ln 4 = 1.10904; E[X] = 3.4, ln 3.4 = 1.22378
    params = {"function": "log", "values": [1, 4], "probabilities": [0.2, 0.8]}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("expected_f", "1.109", "correct"),
            ("expected_f", f"{math.log(4) / 2:.5f}", "unweighted"),
            ("f_of_mean", "1.2238", "correct"),
            ("f_of_mean", f"{math.log(2.5):.5f}", "unweighted"),
            ("gap", "-0.1147", "correct"),
            ("larger", "b", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    def oracle(params):
        f = F[params["function"]]
        ps = [float(Fraction(str(p))) for p in params["probabilities"]]
        vs = params["values"]
        e_f = sum(p * f(v) for p, v in zip(ps, vs, strict=True))
        f_e = f(sum(p * v for p, v in zip(ps, vs, strict=True)))
        return {"expected_f": e_f, "f_of_mean": f_e, "gap": e_f - f_e}

    assert_oracle(FAMILY, oracle)


def test_the_larger_side_follows_the_sign_of_the_gap():
    for seed in range(60):
        variant = FAMILY.variant(seed)
        convex = variant.facts["gap"] > 0
        assert variant.part("larger").answer == ("a" if convex else "b"), seed
        assert ("positive" if convex else "negative") in variant.solution, seed


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("probabilities", [0.5, 0.4]),
            ("probabilities", [0.5, 0.25, 0.25]),
            ("values", [2, 2]),
            ("function", "cube"),
        ],
    )
    assert_refused(FAMILY, {**BOOK, "function": "log"}, [("values", [0, 3]), ("values", [-1, 3])])
