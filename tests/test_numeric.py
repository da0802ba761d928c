"""Decimal values stay right where sympy's fixed working precision loses every digit."""

from __future__ import annotations

import pytest
import sympy

from interview_sim.answers.check import to_float
from interview_sim.mathtext import decimal_text, math_text
from interview_sim.numeric import evaluate

E = sympy.exp
LN = sympy.log


@pytest.mark.parametrize(
    "value",
    [
        LN(E(sympy.Rational(-351, 7)) + 1) / LN(2),  # argument 1 + 10⁻²²: 0 at 15 digits
        LN(E(-300) + 1),  # 1 + 10⁻¹³⁰
        1 - sympy.cos(sympy.Rational(1, 10**20)),  # 5 × 10⁻⁴¹, lost to cancellation
        sympy.sqrt(1 + sympy.Rational(1, 10**40)) - 1,
    ],
)
def test_tiny_values_that_round_to_zero_at_fixed_precision_keep_their_digits(value):
    oracle = sympy.N(value, 1000)
    assert oracle != 0
    assert abs(evaluate(value, 6) - oracle) <= sympy.Float("1e-6") * abs(oracle)
    assert to_float(value) == pytest.approx(float(oracle), rel=1e-12)
    assert not decimal_text(value).startswith("0"), decimal_text(value)
    assert "≈ 0" not in math_text(value)


def test_a_true_zero_sympy_does_not_simplify_evaluates_to_zero():
    x = sympy.Rational(1, 7)
    zero = sympy.sin(x) ** 2 + sympy.cos(x) ** 2 - 1
    assert zero != 0  # sympy keeps it as an expression
    assert evaluate(zero, 10).is_zero


def test_ordinary_values_are_unchanged():
    assert str(evaluate(sympy.Rational(1, 3), 5)) == "0.33333"
    assert abs(evaluate(LN(3), 20) - sympy.N(LN(3), 40)) < sympy.Float("1e-19")
    assert to_float(sympy.sqrt(2)) == 2**0.5


def test_a_power_of_ten_beyond_decimal_exponent_limits_is_still_shown():
    value = E(E(sympy.Rational(310, 7)) / 7)  # about 10^(10¹⁸), past Decimal's largest exponent
    text = decimal_text(value)
    mantissa, _, power = text.partition(" × 10")
    exponent = int(power.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))
    oracle = sympy.N(sympy.log(value, 10), 40)  # log₁₀ of the value: exponent + log₁₀(mantissa)
    assert exponent == int(sympy.floor(oracle))
    assert float(mantissa) == pytest.approx(float(10 ** (oracle - exponent)), rel=1e-3)


@pytest.mark.parametrize(
    "value",
    [
        E(E(45) / 7),  # a power of ten with 19 digits
        E(-E(45)),
        sympy.Integer(10) ** (10**6) * sympy.Rational(99996, 10**4),  # rounds up to 1 × 10¹⁰⁰⁰⁰⁰¹
    ],
)
def test_astronomical_values_are_shown_in_bounded_time_with_the_right_power(value):
    text = decimal_text(value)
    mantissa, _, power = text.partition(" × 10")
    exponent = int(power.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")))
    log10 = sympy.N(sympy.log(value, 10), 120)
    assert exponent == int(sympy.floor(log10 + sympy.Rational(5, 10**5)))  # after rounding
    assert 1 <= float(mantissa) < 10


def test_a_power_of_ten_too_long_to_read_is_shown_as_a_tower():
    value = E(E(E(sympy.Rational(50, 7)) / 7))  # 10 to a power with 74 digits
    text = decimal_text(value)
    assert text.startswith("10^(") and text.endswith(")"), text
    mantissa, _, power = text[4:-1].partition(" × 10")
    exponent = int(power.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))
    log10 = sympy.N(sympy.log(value, 10), 100)  # the power itself, to be read to 4 figures
    assert abs(sympy.Float(mantissa) * sympy.Float(10) ** exponent - log10) <= 5e-4 * log10
