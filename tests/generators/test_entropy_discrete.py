"""entropy_discrete: the book's special cases, a float oracle, slips, bad parameters."""

import math
from fractions import Fraction

import pytest

from generators.information_theory.entropy_discrete import FAMILY
from interview_sim.answers.check import check, to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

PMF = {"source": "pmf", "outcomes": 4, "probabilities": ["1/2", "1/4", "1/8", "1/8"]}
EQUIPROBABLE = {"source": "equiprobable", "outcomes": 6, "probabilities": [], "ask_nats": False}


def test_book_pixel_256_levels_is_8_bits_asked_once():  # IT-Q9..Q11
    variant = FAMILY.from_params(FAMILY.book_params)
    assert [part.id for part in variant.parts] == ["entropy_bits"]  # the maximum is the same 8
    assert_graded(variant, [("entropy_bits", "8", "correct"), ("entropy_bits", "256", "outcomes")])


def test_book_certain_event_is_0_bits():
    params = {"source": "pmf", "outcomes": 1, "probabilities": [1], "ask_nats": True}
    variant = FAMILY.from_params(params)
    assert_graded(variant, [("entropy_bits", "0", "correct")])


def test_zero_probability_contributes_nothing():
    params = {"source": "pmf", "outcomes": 3, "probabilities": [0.5, 0, 0.5], "ask_nats": False}
    variant = FAMILY.from_params(params)
    assert_graded(variant, [("entropy_bits", "1", "correct")])
    assert "0·log 0 = 0" in variant.solution


def test_matches_a_float_oracle():
    def oracle(params):
        n = params["outcomes"]
        probs = [float(Fraction(str(p))) for p in params["probabilities"]] or [1 / n] * n
        out = {"entropy_bits": -sum(p * math.log2(p) for p in probs if p > 0)}
        if params["source"] == "pmf":
            out["max_entropy"] = math.log2(n)
        if params["ask_nats"]:
            out["entropy_nats"] = -sum(p * math.log(p) for p in probs if p > 0)
        return out

    assert_oracle(FAMILY, oracle)


def test_slips_are_recognised():  # H = 1.75 bits
    variant = FAMILY.from_params({**PMF, "ask_nats": True})
    assert_graded(
        variant,
        [
            ("entropy_bits", "1.75", "correct"),
            ("entropy_bits", f"{1.75 * math.log(2):.6f}", "nats"),
            ("entropy_bits", f"{1.75 * math.log10(2):.6f}", "log10"),
            ("entropy_bits", "-1.75", "missing_minus"),
            ("entropy_bits", "1.375", "missing_term"),  # the 1/8 term (0.375) forgotten
            ("entropy_bits", "2", "uniform"),
            ("entropy_nats", "1.75", "bits_not_nats"),
            ("max_entropy", "2", "correct"),
            ("max_entropy", "1", "one_bit"),
            ("max_entropy", "4", "outcomes"),
            ("max_entropy", "1.75", "this_source"),
            ("max_entropy", f"{math.log(4):.6f}", "nats"),
        ],
    )
    uniform = FAMILY.from_params(EQUIPROBABLE)
    assert_graded(
        uniform, [("entropy_bits", "2.585", "correct"), ("entropy_bits", "3", "whole_bits")]
    )


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ({**PMF, "ask_nats": False}, [("probabilities", [0.5, 0.4, 0.05, 0.04]), ("outcomes", 3)]),
        ({**PMF, "ask_nats": False}, [("probabilities", []), ("probabilities", [1.5, -0.5])]),
        ({**PMF, "ask_nats": False}, [("source", "dice"), ("ask_nats", 1)]),
        (EQUIPROBABLE, [("probabilities", [0.5])]),
        ({**EQUIPROBABLE, "source": "pixel", "outcomes": 64}, [("outcomes", 100)]),
    ],
)
def test_bad_parameters_are_refused_by_name(good, bad):
    assert_refused(FAMILY, good, bad)


def test_sum_of_the_rounded_terms_the_solution_shows_grades_correct():
    for seed in range(200):
        variant = FAMILY.variant(seed)
        if variant.params["source"] == "pmf":
            terms = [float(f"{to_float(t):.4f}") for t in variant.facts["contributions"]]
            worked = f"{sum(terms):.4f}"
            assert check(variant.part("entropy_bits"), worked).status == "correct", (seed, worked)


def test_a_uniform_pmf_or_a_certain_event_is_not_asked_the_same_number_twice():  # issue 14
    uniform = {"source": "pmf", "outcomes": 4, "probabilities": [0.25] * 4, "ask_nats": True}
    assert [p.id for p in FAMILY.from_params(uniform).parts] == ["entropy_bits", "entropy_nats"]
    certain = {"source": "pmf", "outcomes": 1, "probabilities": [1], "ask_nats": True}
    assert [p.id for p in FAMILY.from_params(certain).parts] == ["entropy_bits"]
