"""parse_number / format_exact: exact values of what was typed, helpful errors, no eval."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from interview_sim.answers.check import check
from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.numbers import MAX_EXPONENT, format_exact, parse_number
from interview_sim.kit import real


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.25", Fraction(1, 4)),
        ("1/4", Fraction(1, 4)),
        ("-2.5e-3", Fraction(-1, 400)),
        ("2.76e-15", Fraction(276, 10**17)),
        ("2.76 x 10^-15", Fraction(276, 10**17)),
        ("2.76 × 10^-15", Fraction(276, 10**17)),
        ("2.76 × 10⁻¹⁵", Fraction(276, 10**17)),  # superscript exponent
        ("2.76*10**(-15)", Fraction(276, 10**17)),
        ("\u22120.5", Fraction(-1, 2)),  # unicode minus sign
        ("370,698", Fraction(370698)),
        ("1,234,567.5", Fraction(2469135, 2)),
        (".5", Fraction(1, 2)),
        ("5.", Fraction(5)),
        ("  42  ", Fraction(42)),
        ("+3", Fraction(3)),
        ("-1/3", Fraction(-1, 3)),
        ("0.5/2", Fraction(1, 4)),
        ("１/４", Fraction(1, 4)),  # fullwidth digits fold (NFKC) to 1/4
        ("1E3", Fraction(1000)),
    ],
)
def test_parses_exactly(text: str, value: Fraction) -> None:
    assert parse_number(text).value == value


def test_decimals_are_exact_not_binary_floats() -> None:
    assert parse_number("0.1").value == Fraction(1, 10)
    assert parse_number("0.1").value != Fraction(0.1)
    assert parse_number("0.1").value + parse_number("0.2").value == parse_number("0.3").value


def test_percent_only_where_allowed() -> None:
    assert parse_number("25%", allow_percent=True).value == Fraction(1, 4)
    assert parse_number("12.5 %", allow_percent=True).value == Fraction(1, 8)
    assert "25% = 0.25" in parse_number("25%", allow_percent=True).read_as
    with pytest.raises(AnswerFormatError, match="percent is not accepted"):
        parse_number("25%")


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("0.25", "0.25"),
        ("1/4", "1/4"),
        ("2.76 x 10^-15", "2.76 × 10^-15"),
        ("2.76e-15", "2.76 × 10^-15"),
        ("370,698", "370698"),
        ("\u22120.5", "-0.5"),
    ],
)
def test_read_as_echo(text: str, read_as: str) -> None:
    assert parse_number(text).read_as == read_as


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1/0", "division by zero"),
        ("1e401", "out of range"),
        ("2 x 10^-999", "out of range"),
        ("abc", "expected a decimal"),
        ("one half", "expected a decimal"),
        ("1..2", "expected a decimal"),
        ("--1", "expected a decimal"),
        ("1e", "expected a decimal"),
        ("0x10", "expected a decimal"),
        ("1_000", "expected a decimal"),
        ("nan", "expected a decimal"),
        ("inf", "expected a decimal"),
        ("1" * 100, "too long"),
        ("1\x00", "control character"),
        ("12,34", "use a decimal point"),  # not a thousands grouping: a decimal comma
        ("2³", "expected a decimal"),  # a power, not the number 23
    ],
)
def test_errors_say_what_is_expected(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        parse_number(text)
    assert fragment in str(error.value)


def test_exponent_limit_is_inclusive() -> None:
    assert parse_number(f"1e{MAX_EXPONENT}").value == 10**MAX_EXPONENT
    assert parse_number(f"1e-{MAX_EXPONENT}").value == Fraction(1, 10**MAX_EXPONENT)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(1, 4), "0.25"),
        (Fraction(-1, 4), "-0.25"),
        (Fraction(1, 3), "1/3"),
        (Fraction(-2, 15), "-2/15"),
        (Fraction(7), "7"),
        (Fraction(0), "0"),
        (Fraction(129, 5000), "0.0258"),
        (Fraction(1, 2**40), f"1/{2**40}"),  # terminating, but too many places to be readable
    ],
)
def test_format_exact(value: Fraction, text: str) -> None:
    assert format_exact(value) == text


terminating = st.builds(
    lambda n, twos, fives: Fraction(n, 2**twos * 5**fives),
    st.integers(-(10**12), 10**12),
    st.integers(0, 30),
    st.integers(0, 30),
)


@given(terminating)
def test_format_exact_round_trips(value: Fraction) -> None:
    assert parse_number(format_exact(value)).value == value


@given(st.fractions(max_denominator=10**6))
def test_any_fraction_round_trips(value: Fraction) -> None:
    assert parse_number(format_exact(value)).value == value


# -- the comma rule: thousands separators where they can only be that, decimal commas refused ----
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("370,698", Fraction(370698)),
        ("1,234", Fraction(1234)),  # the stated rule: three digits after a comma group thousands
        ("1,234,567", Fraction(1234567)),
        ("-1,000", Fraction(-1000)),
        ("12,345.25", Fraction(49381, 4)),
        ("999,999,999", Fraction(999999999)),
    ],
)
def test_thousands_separators_stay_numbers(text: str, value: Fraction) -> None:
    assert parse_number(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "0,667",  # a leading 0 is never a thousands group
        "-0,5",
        "-1,5",
        "3,14159",
        "1,23",
        "1,2345",
        "1,234,5",
        "12,34,567",
        "1.234,5",  # European grouping with a decimal comma
        "0,5/2",
        "1/0,5",
        "012,345",
        "1,234e3,5",
    ],
)
def test_a_decimal_comma_is_refused_with_the_fix(text: str) -> None:
    with pytest.raises(AnswerFormatError, match="use a decimal point"):
        parse_number(text)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=99))
def test_no_decimal_comma_is_read_as_a_number(whole: int, decimals: int) -> None:
    """Any d,dd... that cannot be a thousands grouping is refused, never read as another value."""
    text = f"{whole},{decimals:02d}" if decimals % 10 else f"{whole},{decimals // 10}"
    with pytest.raises(AnswerFormatError, match="use a decimal point"):
        parse_number(text)


def test_the_decimal_comma_message_shows_the_fix_for_what_was_typed() -> None:
    with pytest.raises(AnswerFormatError, match=r"\(-1\.5, not -1,5\)"):
        parse_number("-1,5")
    with pytest.raises(AnswerFormatError, match="use a decimal point"):
        parse_number("12,5%", allow_percent=True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("½", Fraction(1, 2)),
        ("¾", Fraction(3, 4)),
        ("⅞", Fraction(7, 8)),
        ("3½", Fraction(7, 2)),  # a mixed number, not thirty-one halves
        ("3 ½", Fraction(7, 2)),
        ("-2¼", Fraction(-9, 4)),
        ("7⁄2", Fraction(7, 2)),  # the fraction slash
    ],
)
def test_vulgar_fractions_and_mixed_numbers_mean_what_they_show(text, value):
    part = real("x", "The value", sympy.Rational(value.numerator, value.denominator))
    assert check(part, text).status == "correct"
    wrong = real("x", "The value", sympy.Rational(value.numerator, value.denominator) + 1)
    assert check(wrong, text).status == "incorrect"
