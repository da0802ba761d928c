"""entropy_discrete: the book's special cases, a float oracle, slips, bad parameters."""

import math
from fractions import Fraction

from generators.information_theory.entropy_discrete import FAMILY
from interview_sim.answers.check import check, to_float
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused

PMF = {"source": "pmf", "outcomes": 4, "probabilities": ["1/2", "1/4", "1/8", "1/8"]}
EQUIPROBABLE = {"source": "equiprobable", "outcomes": 6, "probabilities": [], "ask_nats": False}


def test_book_pixel_256_levels_is_8_bits_asked_once():  # IT-Q9..Q11
    variant = FAMILY.from_params(FAMILY.book_params)
    assert [part.id for part in variant.parts] == ["entropy_bits"]  # the maximum is the same 8
    assert_graded(variant, [("entropy_bits", "8", "correct"), ("entropy_bits", "256", "outcomes")])


def test_certain_event_is_0_bits_asked_once_and_zero_terms_add_nothing():  # issue 14
    certain = {"source": "pmf", "outcomes": 1, "probabilities": [1], "ask_nats": True}
    variant = FAMILY.from_params(certain)
    assert [p.id for p in variant.parts] == ["entropy_bits"]  # 0 bits = 0 nats: asked once
    assert_graded(variant, [("entropy_bits", "0", "correct")])
    params = {"source": "pmf", "outcomes": 3, "probabilities": [0.5, 0, 0.5], "ask_nats": False}
    variant = FAMILY.from_params(params)
    assert_graded(variant, [("entropy_bits", "1", "correct")])
    assert "0·log 0 = 0" in variant.solution
    uniform = {"source": "pmf", "outcomes": 4, "probabilities": [0.25] * 4, "ask_nats": True}
    assert [p.id for p in FAMILY.from_params(uniform).parts] == ["entropy_bits", "entropy_nats"]


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


def test_slips_are_recognised():  # H = 1.75 bits = 1.2130 nats
    bits = [("1.75", "correct"), ("-1.75", "missing_minus"), ("2", "uniform")]
    bits += [(f"{1.75 * math.log(2):.6f}", "nats"), (f"{1.75 * math.log10(2):.6f}", "log10")]
    bits += [("1.375", "missing_term")]  # the 1/8 term (0.375) forgotten
    nats = [("1.75", "bits_not_nats"), (f"{1.75 / math.log(2):.6f}", "wrong_conversion")]
    nats += [(f"{-1.75 * math.log(2):.6f}", "missing_minus")]
    top = [("2", "correct"), ("1", "one_bit"), ("4", "outcomes"), ("1.75", "this_source")]
    top += [(f"{math.log(4):.6f}", "nats")]
    cases = [("entropy_bits", *c) for c in bits] + [("entropy_nats", *c) for c in nats]
    cases += [("max_entropy", *c) for c in top]
    assert_graded(FAMILY.from_params({**PMF, "ask_nats": True}), cases)
    uniform = [("entropy_bits", "2.585", "correct"), ("entropy_bits", "3", "whole_bits")]
    assert_graded(FAMILY.from_params(EQUIPROBABLE), uniform)


def test_bad_parameters_are_refused_by_name():
    pmf = {**PMF, "ask_nats": False}
    bad = [("probabilities", [0.5, 0.4, 0.05, 0.04]), ("outcomes", 3), ("probabilities", [])]
    assert_refused(FAMILY, pmf, bad + [("probabilities", [1.5, -0.5]), ("ask_nats", 1)])
    assert_refused(FAMILY, EQUIPROBABLE, [("probabilities", [0.5])])
    assert_refused(FAMILY, {**EQUIPROBABLE, "source": "pixel", "outcomes": 64}, [("outcomes", 100)])


def test_sum_of_the_rounded_terms_the_solution_shows_grades_correct():
    for seed in range(200):
        variant = FAMILY.variant(seed)
        if variant.params["source"] == "pmf":
            terms = [float(f"{to_float(t):.4f}") for t in variant.facts["contributions"]]
            worked = f"{sum(terms):.4f}"
            assert check(variant.part("entropy_bits"), worked).status == "correct", (seed, worked)
