"""kl_divergence_discrete: a hand-checked instance, a float oracle, slips, bad parameters."""

import math
from fractions import Fraction

from generators.information_theory.kl_divergence_discrete import FAMILY
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

BOOK = FAMILY.book_params
# worked by hand: P = (1/2, 1/2), Q = (1/4, 3/4); log2 3 = 1.58496
# D(P‖Q) = ½·1 + ½·(1 − log2 3) = 0.20752; D(Q‖P) = −¼ + ¾·(log2 3 − 1) = 0.18872;
# H(P, Q) = ½·2 + ½·(2 − log2 3) = 1.20752
HAND = {"story": "weather", "p": [0.5, 0.5], "q": ["1/4", "3/4"], "statements": [0, 1, 2, 4]}


def test_hand_checked_instance():
    assert_graded(
        FAMILY.from_params(HAND),
        [
            ("kl_pq", "0.2075", "correct"),
            ("kl_pq", "0.1887", "reversed"),
            ("kl_pq", "-0.2075", "sign"),
            ("kl_pq", "1.2075", "cross_entropy"),
            ("kl_pq", f"{0.20752 * math.log(2):.5f}", "natural_log"),
            ("kl_qp", "0.1887", "correct"),
            ("kl_qp", "0.2075", "reversed"),
            ("cross_entropy", "1.2075", "correct"),
            ("cross_entropy", "1", "entropy_only"),
            ("cross_entropy", "0.2075", "kl_only"),
            ("facts", "a, b", "incorrect"),
            ("facts", "a, d", "correct"),
        ],
    )


def test_own_default_instance():  # P = (0.5, 0.3, 0.2), Q = (0.4, 0.4, 0.2)
    expected = 0.5 * math.log2(1.25) + 0.3 * math.log2(0.75)
    assert_graded(FAMILY.from_params(BOOK), [("kl_pq", f"{expected:.6f}", "correct")])


def test_matches_a_float_oracle():
    def oracle(params):
        p = [float(Fraction(str(x))) for x in params["p"]]
        q = [float(Fraction(str(x))) for x in params["q"]]
        return {
            "kl_pq": sum(a * math.log2(a / b) for a, b in zip(p, q, strict=True)),
            "kl_qp": sum(b * math.log2(b / a) for a, b in zip(p, q, strict=True)),
            "cross_entropy": -sum(a * math.log2(b) for a, b in zip(p, q, strict=True)),
        }

    assert_oracle(FAMILY, oracle)


def test_the_directions_always_differ_and_the_facts_mix_true_and_false():
    for seed in range(40):
        variant = FAMILY.variant(seed)
        facts = variant.facts
        assert abs(float(facts["kl_pq"] - facts["kl_qp"])) >= 0.005, seed
        larger = "D_KL(P‖Q)" if facts["kl_pq"] > facts["kl_qp"] else "D_KL(Q‖P)"
        assert f"{larger} is the larger here" in variant.solution, seed
        assert {s["true"] for s in facts["statements"]} == {True, False}, seed


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("q", [0.5, 0.5]),
            ("q", [0.5, 0.3, 0.3]),
            ("p", [0.5, 0.3, 0.1]),
            ("q", BOOK["p"]),
            ("q", [0.8, 0.2, 0]),
            ("statements", [0, 0, 1, 2]),
        ],
    )
