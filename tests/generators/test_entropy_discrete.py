"""entropy_discrete: the book's special cases, a float re-implementation, mistakes, bad params."""

import math

import pytest

from generators.information_theory.entropy_discrete import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError


def test_book_pixel_256_levels_is_8_bits():  # IT-Q9..Q11: 256 grey levels -> 8 bits
    variant = FAMILY.from_params(FAMILY.book_params)
    assert to_float(variant.part("entropy_bits").answer) == pytest.approx(8)
    assert to_float(variant.part("max_entropy").answer) == pytest.approx(8)


def test_book_certain_event_is_0_bits():
    variant = FAMILY.from_params(
        {"source": "pmf", "outcomes": 1, "probabilities": [1], "ask_nats": True}
    )
    assert to_float(variant.part("entropy_bits").answer) == 0
    assert to_float(variant.part("entropy_nats").answer) == 0
    assert check(variant.part("entropy_bits"), "0").status == "correct"


def test_zero_probability_contributes_nothing():
    variant = FAMILY.from_params(
        {"source": "pmf", "outcomes": 3, "probabilities": [0.5, 0, 0.5], "ask_nats": False}
    )
    assert to_float(variant.part("entropy_bits").answer) == pytest.approx(1)
    assert "0·log 0 = 0" in variant.solution


@pytest.mark.parametrize("seed", range(40))
def test_matches_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    params = variant.params
    n = params["outcomes"]
    if params["source"] == "pmf":
        probs = [float(exact_fraction(p)) for p in params["probabilities"]]
        assert sum(probs) == pytest.approx(1)
    else:
        probs = [1 / n] * n
    h_bits = -sum(p * math.log2(p) for p in probs if p > 0)
    assert to_float(variant.part("entropy_bits").answer) == pytest.approx(h_bits, rel=1e-9)
    assert to_float(variant.part("max_entropy").answer) == pytest.approx(math.log2(n), rel=1e-9)
    if params["ask_nats"]:
        h_nats = -sum(p * math.log(p) for p in probs if p > 0)
        assert to_float(variant.part("entropy_nats").answer) == pytest.approx(h_nats, rel=1e-9)


def exact_fraction(value):
    from fractions import Fraction

    return Fraction(str(value))


def test_mistakes_are_recognised():
    variant = FAMILY.from_params(
        {
            "source": "pmf",
            "outcomes": 4,
            "probabilities": ["1/2", "1/4", "1/8", "1/8"],
            "ask_nats": True,
        }
    )  # H = 1.75 bits
    bits = variant.part("entropy_bits")
    assert check(bits, "1.75").status == "correct"
    assert check(bits, f"{1.75 * math.log(2):.6f}").tag == "nats"
    assert check(bits, f"{1.75 * math.log10(2):.6f}").tag == "log10"
    assert check(bits, "-1.75").tag == "missing_minus"
    assert check(bits, "1.375").tag == "missing_term"  # forgot the 1/8 term (0.375)
    assert check(bits, "2").tag == "uniform"
    nats = variant.part("entropy_nats")
    assert check(nats, "1.75").tag == "bits_not_nats"
    maximum = variant.part("max_entropy")
    assert check(maximum, "2").status == "correct"
    assert check(maximum, "1").tag == "one_bit"
    assert check(maximum, "4").tag == "outcomes"
    assert check(maximum, "1.75").tag == "this_source"
    assert check(maximum, f"{math.log(4):.6f}").tag == "nats"


def test_equiprobable_whole_bits_mistake():
    variant = FAMILY.from_params(
        {"source": "equiprobable", "outcomes": 6, "probabilities": [], "ask_nats": False}
    )
    bits = variant.part("entropy_bits")
    assert check(bits, "2.585").status == "correct"
    assert check(bits, "3").tag == "whole_bits"
    assert check(bits, "6").tag == "outcomes"


@pytest.mark.parametrize(
    ("params", "name"),
    [
        (
            {"source": "pmf", "outcomes": 2, "probabilities": [0.5, 0.4], "ask_nats": False},
            "probabilities",
        ),
        (
            {"source": "pmf", "outcomes": 3, "probabilities": [0.5, 0.5], "ask_nats": False},
            "outcomes",
        ),
        ({"source": "pmf", "outcomes": 1, "probabilities": [], "ask_nats": False}, "probabilities"),
        ({"source": "pixel", "outcomes": 100, "probabilities": [], "ask_nats": False}, "outcomes"),
        (
            {"source": "equiprobable", "outcomes": 4, "probabilities": [0.5], "ask_nats": False},
            "probabilities",
        ),
        ({"source": "dice", "outcomes": 4, "probabilities": [], "ask_nats": False}, "source"),
        (
            {"source": "pmf", "outcomes": 2, "probabilities": [1.5, -0.5], "ask_nats": False},
            "probabilities",
        ),
    ],
)
def test_bad_params_name_the_parameter(params, name):
    with pytest.raises(ParamError) as error:
        FAMILY.from_params(params)
    assert error.value.name == name
