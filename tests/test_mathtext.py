"""Readable math: no program syntax anywhere a person reads an exact value, and an honest ≈."""

from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_sim.answers.check import check, expected_text
from interview_sim.answers.numbers import parse_number
from interview_sim.answers.verdict import expected_display
from interview_sim.cli import main
from interview_sim.mathtext import decimal_text, math_text, part_display, readable
from interview_sim.model import Tolerance
from interview_sim.registry import all_families
from interview_sim.render import environment

SYNTAX = r"exp\(|sqrt\(|\blog\(|\d[eE][+-]?\d"
PROGRAM_SYNTAX = re.compile(rf"\*|\bE\b|\bpi\b|\bgamma\b|{SYNTAX}")
# In prose, Markdown bold (**0.0349**) and an event named E are fine; a product, a power or a
# function in program syntax is not
PROSE_SYNTAX = re.compile(rf"[\w)]\*{{1,2}}[\w(]|{SYNTAX}")
APPROX = re.compile(r"≈ (\S+(?: × 10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?)$")
TOWER = re.compile(r"≈ (−?)10\^\((\S+ × 10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)\)$")
X = sympy.Symbol("x", positive=True)
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def assert_readable(text: str, syntax: re.Pattern = PROGRAM_SYNTAX) -> None:
    assert not syntax.search(text), f"program syntax in {text!r}"


def prose(markdown: str) -> str:
    """A solution without its indented code blocks and inline code spans, which show input to type
    or a program, on purpose."""
    lines = (line for line in markdown.splitlines() if not line.startswith("    "))
    return re.sub(r"`[^`\n]*`", "", "\n".join(lines))  # inline code quotes a program on purpose


def decimal_value(text: str) -> tuple[sympy.Rational, int]:
    """A shown decimal read back exactly as (mantissa, power of ten), any exponent (the
    checker's reader caps it at 400; e^(10⁶) has a million digits, so the power stays apart)."""
    mantissa, _, power = text.replace("−", "-").partition(" × 10")
    exponent = int(power.translate(SUPERSCRIPT_DIGITS)) if power else 0
    return sympy.Rational(parse_number(mantissa).value), exponent


def assert_approx_matches(text: str, value) -> None:
    tower = TOWER.search(text)
    if tower:  # 10^(1.924 × 10⁶³⁶³): the power itself, to 4 figures
        assert (tower[1] == "−") == bool(sympy.N(value, 30) < 0), text
        mantissa, exponent = decimal_value(tower[2])
        shown_log = mantissa * sympy.Float(10, 30) ** exponent
        truth_log = sympy.N(sympy.log(abs(value), 10), exponent + 20)
        assert abs(shown_log - truth_log) <= 5e-4 * abs(truth_log), (text, sympy.N(truth_log, 6))
        return
    match = APPROX.search(text)
    assert match, f"no ≈ decimal in {text!r}"
    mantissa, exponent = decimal_value(match[1])
    if abs(exponent) < 10_000:
        # the oracle: a fixed, far higher working precision than the formatter's, and the power
        # of ten as a Float (10**-exponent as an exact rational has as many digits as the exponent)
        truth = sympy.N(value, 1500)
        shown = sympy.Float(mantissa, 30) * sympy.Float(10, 30) ** exponent
        assert abs(shown - truth) <= 5e-4 * abs(truth), (text, sympy.N(truth, 6))
        return
    # astronomically large or small: the signs agree and the powers of ten (log₁₀ to as many
    # digits as the exponent has, and a few more) agree to the mantissa's rounding
    assert (mantissa < 0) == bool(sympy.N(value, 30) < 0), text
    digits = len(str(abs(exponent))) + 20
    truth_log = sympy.N(sympy.log(abs(value), 10), digits)
    shown_log = exponent + sympy.log(abs(mantissa), 10)
    assert abs(sympy.N(shown_log - truth_log, digits)) <= 3e-4, (text, truth_log)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (-7 * sympy.log(7) / (10 * sympy.log(2)) + 2, "2 − 7·log₂(7)/10 ≈ 0.03485"),
        (sympy.exp(-sympy.Rational(1, 2)) + sympy.E, "e^(−1/2) + e ≈ 3.325"),
        (sympy.sqrt(31178) / 250000, "√31178/250000 ≈ 0.0007063"),
        (sympy.Float(7.19321e7), "7.19321 × 10⁷"),
        (sympy.Rational(1, 3), "1/3 ≈ 0.3333"),
        (Fraction(129, 5000), "0.0258"),
        (sympy.log(9), "ln(9) ≈ 2.197"),
        (sympy.log(10) / sympy.log(10 + 0 * X), "1"),
        (sympy.Symbol("gamma") * X**3 - sympy.pi, "γ·x³ − π"),
        (7 * sympy.log(7) / (10 * sympy.log(2)) - 1, "7·log₂(7)/10 − 1 ≈ 0.9651"),
        (sympy.exp(X), "e^x"),
        (1 / sympy.sqrt(X + 1), "1/√(x + 1)"),
        (sympy.Abs(X - 3), "|x − 3|"),
        (1 / (X + 1), "1/(x + 1)"),
        (1 / sympy.log(2), "1/ln(2) ≈ 1.443"),
        (sympy.Max(X, 1), "max(1, x)"),
        (1 / (1 + sympy.exp(-X)), "1/(1 + e^(−x))"),
        (sympy.Symbol("sigma_1") * sympy.Symbol("mu0"), "μ0·σ₁"),
        ([sympy.Rational(1, 3), sympy.log(2)], "[1/3, ln(2)] ≈ [0.3333, 0.6931]"),
        ((1, Fraction(1, 2)), "[1, 0.5]"),
        (sympy.sqrt(-2), "i·√2"),
    ],
)
def test_known_values_read_as_math(value, shown):
    assert math_text(value) == shown


def test_approx_false_leaves_out_the_decimal():
    assert math_text(sympy.log(3), approx=False) == "ln(3)"


@pytest.mark.parametrize(
    ("value", "significant", "shown"),
    [
        (0.005978123, 4, "0.005978"),
        (7.19321e7, 4, "7.193 × 10⁷"),
        (-2 / 3, 4, "−0.6667"),
        (0.5, 4, "0.5"),
        (12345.67, 4, "12346"),
        (sympy.Rational(1, 10**9), 3, "1 × 10⁻⁹"),
        (sympy.Integer(10) ** 400 / 3, 4, "3.333 × 10³⁹⁹"),
        (0, 4, "0"),
    ],
)
def test_decimal_text(value, significant, shown):
    assert decimal_text(value, significant) == shown


def _leaves():
    rationals = st.fractions(min_value=-50, max_value=50, max_denominator=30).map(
        lambda f: sympy.Rational(f.numerator, f.denominator)
    )
    return st.one_of(rationals, st.sampled_from([sympy.pi, sympy.E, X, sympy.Symbol("sigma")]))


def _combine(children):
    def positive(e):
        return sympy.Abs(e) + 1

    return st.one_of(
        st.tuples(children, children).map(lambda ab: ab[0] + ab[1]),
        st.tuples(children, children).map(lambda ab: ab[0] * ab[1]),
        st.tuples(children, children).map(lambda ab: ab[0] / positive(ab[1])),
        st.tuples(children, st.integers(-3, 4)).map(
            lambda ab: ab[0] ** ab[1] if ab[0] else sympy.S.Zero
        ),
        children.map(lambda e: sympy.log(positive(e))),
        children.map(lambda e: sympy.log(positive(e)) / sympy.log(2)),
        children.map(lambda e: sympy.log(positive(e), 10)),
        children.map(lambda e: sympy.exp(e / 7)),
        children.map(lambda e: sympy.sqrt(positive(e))),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(_leaves(), _combine, max_leaves=6))
def test_random_expressions_have_no_program_syntax_and_an_honest_decimal(value):
    text = math_text(value)
    assert_readable(text)
    if value.free_symbols or not value.is_number:
        assert "≈" not in text
        return
    if "≈" in text:
        assert_approx_matches(text, value)
    else:  # shown without a decimal: it must already be one (an integer or terminating decimal)
        mantissa, exponent = decimal_value(text)
        assert mantissa * sympy.Integer(10) ** exponent == value


SEEDS = range(12)


@pytest.mark.parametrize("family", all_families(), ids=lambda f: f.id)
def test_every_family_answer_and_solution_reads_as_math(family):
    for seed in SEEDS:
        variant = family.variant(seed)
        assert_readable(prose(variant.solution), PROSE_SYNTAX)
        for part in variant.parts:
            text = part_display(part)
            assert_readable(text)
            if "≈" in text and not isinstance(part.answer, (list, tuple)):
                assert_approx_matches(text, part.answer)
            # what a transcript stores reads as math too, and its decimal is the answer's (the form
            # may differ: a parsed expression comes back in sympy's canonical order)
            stored = readable(expected_text(part))
            assert_readable(stored)
            if "≈" in stored and not isinstance(part.answer, (list, tuple)):
                assert_approx_matches(stored, part.answer)


def test_filters_render_readable_math():
    env = environment()
    value = sympy.log(7) / sympy.log(2)
    rendered = env.from_string(
        "{{ v | expr }} | {{ v | math }} | {{ v | approx }} | {{ big | sig }} | {{ big | dec }}"
    ).render(v=value, big=sympy.Float(7.19321e7))
    assert rendered == "log₂(7) | log₂(7) ≈ 2.807 | 2.807 | 7.19321 × 10⁷ | 7.193 × 10⁷"
    assert env.from_string("{{ v | dec(4) }}").render(v=Fraction(349, 10000)) == "0.0349"
    assert env.from_string("{{ v | dec(4) }}").render(v=-0.00001234) == "−1.234 × 10⁻⁵"


def test_verdict_carries_a_readable_expected_answer():
    part = _part_with_irrational_answer()
    verdict = check(part, "0")
    assert verdict.expected == expected_text(part)
    assert verdict.expected_display == part_display(part)
    assert "≈" in verdict.expected_display
    assert verdict.to_json()["expected_display"] == verdict.expected_display


def test_old_verdicts_without_expected_display_still_read_as_math():
    stored = {"verdict": "incorrect", "expected": "log(9)/2"}
    assert expected_display(stored) == "ln(9)/2 ≈ 1.099"
    assert expected_display({**stored, "expected_display": "shown"}) == "shown"


def _part_with_irrational_answer():
    for family in all_families():
        for part in family.variant(1).parts:
            if "≈" in part_display(part) and "[" not in part_display(part):
                return part
    raise AssertionError("no family has an irrational answer")


def _family_and_part():
    for family in all_families():
        for part in family.variant(1).parts:
            text = part_display(part)
            if "≈" in text and "[" not in text and str(part.kind) == "real":
                return family, part
    raise AssertionError("no family has an irrational real answer")


def test_cli_show_json_has_display_and_machine_answer(capsys):
    family, part = _family_and_part()
    assert main(["show", family.id, "--seed", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    shown = next(p for p in data["parts"] if p["id"] == part.id)
    assert shown["display"] == part_display(part)
    assert check(part, shown["answer"]).status == "correct", "the machine field stays typeable"


def test_cli_show_solution_and_check_human_output_read_as_math(capsys):
    family, part = _family_and_part()
    assert main(["show", family.id, "--seed", "1", "--solution"]) == 0
    out = capsys.readouterr().out
    assert f"[{part.id}] {part_display(part)}" in out
    assert_readable(prose(out.split("## Solution")[1]), PROSE_SYNTAX)
    assert main(["check", family.id, "--seed", "1", "--part", part.id, "--answer", "0"]) == 0
    out = capsys.readouterr().out
    assert f"expected: {part_display(part)}" in out


def test_cli_check_json_has_expected_display(capsys):
    family, part = _family_and_part()
    args = ["check", family.id, "--seed", "1", "--part", part.id, "--answer", "0", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["expected_display"] == part_display(part)
    assert data["expected"] == expected_text(part)


@pytest.mark.parametrize(
    "tolerance",
    [
        Tolerance(mode="relabs", rtol=Fraction(1, 100), atol=Fraction(1, 10**5)),
        Tolerance(mode="relabs", rtol=Fraction(1, 10**7)),
        Tolerance(mode="sigfig", digits=4),
        Tolerance(mode="decdig", digits=2),
    ],
)
def test_every_tolerance_rule_reads_without_program_syntax(tolerance):
    assert_readable(tolerance.describe())


def test_a_fraction_too_long_to_read_is_shown_by_its_decimal():
    p_value = sympy.Rational(667530151696344878091496931193, 10**31)  # a 30-digit rounding
    text = math_text(p_value)
    assert len(text) < 16 and "/" not in text
    assert_approx_matches(text, p_value)
    assert math_text(sympy.Rational(5668704, 38762791)) == "5668704/38762791 ≈ 0.1462"


def test_an_old_verdict_of_a_choice_shows_its_letter_not_eulers_number():
    stored = {"verdict": "incorrect", "expected": "e"}
    assert expected_display(stored, "choice") == "e"
    assert expected_display(stored, "real") == "e ≈ 2.718"
