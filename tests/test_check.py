"""The checker, kind by kind: correct, incorrect, invalid (with a reason), mistakes, echoes."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from interview_sim.answers import verdict as v
from interview_sim.answers.check import check, input_hint, preview
from interview_sim.answers.worker import default_worker
from interview_sim.model import AnswerKind, Domain, Mistake, Part, Tolerance

K = AnswerKind
x = sympy.Symbol("x")
HALF = Fraction(1, 2)


def part(kind: AnswerKind, answer, **fields) -> Part:
    return Part(id="p", prompt="?", kind=kind, answer=answer, **fields)


@pytest.fixture(scope="module", autouse=True)
def warm_worker():
    assert default_worker().request({"op": "ping"}) == {"ok": True}


def assert_invalid(verdict: v.Verdict, *fragments: str) -> None:
    assert verdict.status == v.INVALID, verdict
    assert not verdict.counts_as_attempt
    for fragment in fragments:
        assert fragment in verdict.message, verdict.message


# -- integer -----------------------------------------------------------------------------------
INTEGER = part(
    K.INTEGER,
    sympy.Integer(370698),
    mistakes=(Mistake("no_bias", "you forgot the bias terms", sympy.Integer(369600), HALF),),
)


@pytest.mark.parametrize("text", ["370698", "370,698", " 370698 ", "370698.0", "3.70698e5"])
def test_integer_correct(text: str) -> None:
    verdict = check(INTEGER, text)
    assert verdict.status == v.CORRECT
    assert verdict.expected == "370698"
    assert verdict.accepted == "the exact whole number"


def test_integer_incorrect_mistake_invalid() -> None:
    wrong = check(INTEGER, "370697")
    assert (wrong.status, wrong.read_as) == (v.INCORRECT, "370697")
    assert wrong.expected == "370698" and wrong.counts_as_attempt
    assert "370698" not in wrong.message, "the message never gives the answer away"
    slip = check(INTEGER, "369,600")
    assert (slip.status, slip.tag, slip.credit) == (v.MISTAKE, "no_bias", HALF)
    assert "forgot the bias" in slip.message and "50%" in slip.message
    assert_invalid(check(INTEGER, "3.5"), "not a whole number")
    assert_invalid(check(INTEGER, "about 370k"), "expected a decimal")
    assert_invalid(check(INTEGER, ""), "empty")
    assert_invalid(check(part(K.INTEGER, sympy.Integer(8)), "2³"))  # never read as 23


# -- fraction ----------------------------------------------------------------------------------
FRACTION = part(
    K.FRACTION,
    sympy.Rational(1, 3),
    mistakes=(Mistake("inverted", "numerator and denominator swapped", sympy.Integer(3)),),
)


@pytest.mark.parametrize(
    ("text", "read_as"), [("1/3", "1/3"), ("2/6", "2/6"), ("(1/4)/(3/4)", "1/4/(3/4)")]
)
def test_fraction_correct(text: str, read_as: str) -> None:
    verdict = check(FRACTION, text)
    assert (verdict.status, verdict.read_as, verdict.expected) == (v.CORRECT, read_as, "1/3")


def test_fraction_other_outcomes() -> None:
    assert check(FRACTION, "0.333").status == v.INCORRECT  # exact kind: no tolerance
    slip = check(FRACTION, "3")
    assert (slip.status, slip.tag, slip.credit) == (v.MISTAKE, "inverted", 0)
    assert_invalid(check(FRACTION, "pi/3"), "exact fraction")
    assert_invalid(check(FRACTION, "1/0"), "exact fraction")


# -- real, every tolerance mode ----------------------------------------------------------------
LN9 = sympy.log(9)  # 2.1972245773...


def test_real_relabs() -> None:
    real = part(
        K.REAL,
        LN9,
        tolerance=Tolerance(mode="relabs"),
        mistakes=(Mistake("log_base", "you used log base 10", sympy.log(9, 10), Fraction(1, 4)),),
    )
    ok = check(real, "2.1972")
    assert (ok.status, ok.read_as, ok.expected) == (v.CORRECT, "2.1972", "log(9)")
    assert ok.expected_value == pytest.approx(2.1972245773)
    assert ok.accepted.startswith("within 0.1% of the exact value")
    assert "[2.1950274, 2.1994218]" in ok.accepted
    assert check(real, "2.196").status == v.CORRECT  # 0.06% off
    assert check(real, "2.19").status == v.INCORRECT  # 0.33% off
    slip = check(real, "0.9542")
    assert (slip.status, slip.tag, slip.credit) == (v.MISTAKE, "log_base", Fraction(1, 4))
    exact_form = check(real, "ln(9)")  # an exact form, evaluated in the worker
    assert (exact_form.status, exact_form.read_as) == (v.CORRECT, "ln(9)")
    assert check(real, "2 log(3)").status == v.CORRECT
    power = part(K.REAL, sympy.Rational(1, 1024))
    for text in ("2^-10", "2**-10", "2⁻¹⁰", "1/1024", "0.0009765625"):
        assert check(power, text).status == v.CORRECT, text
    assert_invalid(check(real, "2,19.7"), "expected a decimal")
    assert_invalid(check(real, "ln(x)"), 'unknown name "x"')


def test_real_relabs_is_relative_to_the_truth() -> None:
    tiny = part(
        K.REAL, sympy.Rational(276, 10**17), tolerance=Tolerance(mode="relabs", atol=Fraction(0))
    )
    assert check(tiny, "2.76e-15").status == v.CORRECT
    assert check(tiny, "2.76 x 10^-15").status == v.CORRECT
    assert check(tiny, "3e-15").status == v.INCORRECT


def test_real_sigfig() -> None:
    real = part(K.REAL, LN9, tolerance=Tolerance(mode="sigfig", digits=3))
    assert check(real, "2.20").status == v.CORRECT
    assert check(real, "2.2").status == v.CORRECT
    assert check(real, "2.19").status == v.INCORRECT
    assert check(real, "2.21").status == v.INCORRECT
    assert "correct to 3 significant figures" in check(real, "2.2").accepted


def test_real_decdig() -> None:
    real = part(K.REAL, LN9 * 100, tolerance=Tolerance(mode="decdig", digits=1))  # 219.72...
    assert check(real, "219.7").status == v.CORRECT
    assert check(real, "219.8").status == v.INCORRECT
    assert check(real, "220").status == v.INCORRECT
    assert "correct to 1 decimal places" in check(real, "219.7").accepted


def test_real_exact() -> None:
    real = part(K.REAL, sympy.Rational(1, 4), tolerance=Tolerance(mode="exact"))
    assert check(real, "0.25").status == v.CORRECT
    assert check(real, "1/4").status == v.CORRECT
    assert check(real, "0.2500001").status == v.INCORRECT
    assert "exact value only" in check(real, "0.25").accepted


def test_real_percent() -> None:
    allowed = part(K.REAL, sympy.Rational(1, 4), allow_percent=True)
    verdict = check(allowed, "25%")
    assert (verdict.status, verdict.read_as) == (v.CORRECT, "25% = 0.25")
    assert "percent allowed" in input_hint(allowed)
    assert_invalid(check(part(K.REAL, sympy.Rational(1, 4)), "25%"), "25% is 0.25")


@pytest.mark.parametrize("text", ["1 + 1/2", "2-1/2", "1/2+1", "1 + 0.5", "0.75+0.75", "(1+1/2)"])
def test_real_sums_and_differences_of_numbers_are_exact_forms(text: str) -> None:
    assert check(part(K.REAL, sympy.Rational(3, 2)), text).status == v.CORRECT
    assert check(part(K.REAL, sympy.Rational(5, 2)), text).status == v.INCORRECT


@pytest.mark.parametrize("text", ["5-", "1.5 +", "1,5+0"])
def test_real_unfinished_sums_are_invalid_with_a_reason(text: str) -> None:
    assert_invalid(check(part(K.REAL, sympy.Rational(3, 2)), text), "could not read")


def test_real_beyond_float_range_is_invalid_not_a_crash() -> None:
    real = part(K.REAL, sympy.Rational(1, 4))
    assert_invalid(check(real, "1e400"), "too large")
    assert_invalid(check(real, "-1e400"), "too large")
    assert check(real, "1e-400").status == v.INCORRECT
    # the message quotes what was typed, not its 310-digit expansion, and reads as math
    verdict = check(real, "1e308*10")
    assert_invalid(verdict, '"1e308*10" is too large', "±10³⁰⁸")


# -- expression (through the warm worker) ------------------------------------------------------
EXPRESSION = part(
    K.EXPRESSION,
    x**2 - 1,
    symbols=(("x", Domain.REAL),),
    mistakes=(Mistake("sign", "the constant has the wrong sign", x**2 + 1, Fraction(1, 2)),),
)


@pytest.mark.parametrize("text", ["(x-1)*(x+1)", "(x-1)(x+1)", "x^2-1", "x**2 - 1", "-1 + x x"])
def test_expression_correct(text: str) -> None:
    verdict = check(EXPRESSION, text)
    assert verdict.status == v.CORRECT, verdict
    assert verdict.expected == "x^2 - 1"
    assert verdict.layer in ("structural", "numeric", "simplify")
    assert "symbols: x" in verdict.accepted


def test_expression_incorrect_and_mistake() -> None:
    no_catalogue = part(K.EXPRESSION, x**2 - 1, symbols=(("x", Domain.REAL),))
    wrong = check(no_catalogue, "x^2+1")
    assert (wrong.status, wrong.read_as) == (v.INCORRECT, "x^2 + 1")
    slip = check(EXPRESSION, "1 + x^2")
    assert (slip.status, slip.tag, slip.credit) == (v.MISTAKE, "sign", Fraction(1, 2))
    assert slip.read_as == "1 + x^2"
    assert check(EXPRESSION, "x^2 - 2").status == v.INCORRECT


def test_expression_declared_domain() -> None:
    positive = part(K.EXPRESSION, x, symbols=(("x", Domain.POSITIVE),))
    assert check(positive, "sqrt(x^2)").status == v.CORRECT
    assert check(positive, "exp(log(x))").status == v.CORRECT
    real = part(K.EXPRESSION, x, symbols=(("x", Domain.REAL),))
    assert check(real, "sqrt(x^2)").status == v.INCORRECT  # |x| is not x for negative x
    unit = part(K.EXPRESSION, sympy.log(x / (1 - x)), symbols=(("x", Domain.UNIT),))
    assert check(unit, "log(x) - log(1-x)").status == v.CORRECT


def test_expression_invalid() -> None:
    assert_invalid(check(EXPRESSION, "y^2 - 1"), 'unknown name "y"', "symbols (x)")
    assert_invalid(check(EXPRESSION, "x^"), 'expected an expression after "^"')
    assert_invalid(check(EXPRESSION, "sin x"), "needs parentheses")


# -- vector, interval, matrix ------------------------------------------------------------------
VECTOR = part(K.VECTOR, (sympy.Rational(1, 2), sympy.Rational(1, 3), sympy.Integer(2)))


@pytest.mark.parametrize("text", ["[0.5, 0.3333, 2]", "0.5 0.3333 2", "(1/2, 1/3, 2)", "1/2,1/3,2"])
def test_vector_correct(text: str) -> None:
    verdict = check(VECTOR, text)
    assert verdict.status == v.CORRECT
    assert verdict.expected == "[0.5, 1/3, 2]"
    assert verdict.expected_value == pytest.approx([0.5, 1 / 3, 2])


def test_vector_other_outcomes() -> None:
    assert check(VECTOR, "[0.5, 0.3333]").status == v.INCORRECT  # wrong length
    assert check(VECTOR, "[0.5, 0.4, 2]").status == v.INCORRECT
    assert check(VECTOR, "[0.5, 0.334, 2]").status == v.INCORRECT  # 3 figures, wrong
    assert_invalid(check(VECTOR, "[0.5, 0.34, 2]"), "Close", "3 significant figures")
    assert check(VECTOR, "[0.5, 0.3333, 2]").read_as == "[0.5, 0.3333, 2]"
    assert_invalid(check(VECTOR, "[a, b, c]"), 'unknown name "a"')
    assert_invalid(check(VECTOR, "[[1, 2]]"), "unexpected brackets")
    assert_invalid(check(VECTOR, "[]"), "empty")


def test_interval() -> None:
    interval = part(K.INTERVAL, (sympy.Integer(0), sympy.Rational(1, 2)))
    assert check(interval, "[0, 0.5]").status == v.CORRECT
    assert check(interval, "[0, 1]").status == v.INCORRECT
    assert check(interval, "[0, 1]").expected == "[0, 0.5]"
    assert_invalid(check(interval, "[0, ?]"), "expected a decimal")


MATRIX = part(
    K.MATRIX,
    ((sympy.Integer(1), sympy.Integer(2)), (sympy.Integer(3), sympy.Integer(4))),
    mistakes=(Mistake("transposed", "rows and columns swapped", ((1, 3), (2, 4))),),
)


@pytest.mark.parametrize(
    "text", ["[[1, 2], [3, 4]]", "1 2; 3 4", "[[1,2],[3,4.0]]", "((1,2),(3,4))"]
)
def test_matrix_correct(text: str) -> None:
    verdict = check(MATRIX, text)
    assert verdict.status == v.CORRECT
    assert verdict.expected == "[[1, 2], [3, 4]]"


def test_matrix_other_outcomes() -> None:
    assert check(MATRIX, "[[1, 2], [3, 5]]").status == v.INCORRECT
    assert check(MATRIX, "[[1, 2, 0], [3, 4, 0]]").status == v.INCORRECT
    assert check(MATRIX, "[[1, 2]]").status == v.INCORRECT
    assert check(MATRIX, "[[1, 3], [2, 4]]").tag == "transposed"
    assert_invalid(check(MATRIX, ""), "expected rows")
    assert_invalid(check(MATRIX, "[[1, z], [3, 4]]"), 'unknown name "z"')


# -- shape -------------------------------------------------------------------------------------
SHAPE = part(
    K.SHAPE,
    (1, 32, 55, 55),
    mistakes=(Mistake("no_padding", "padding was ignored", (1, 32, 54, 54), Fraction(1, 2)),),
)


@pytest.mark.parametrize(
    "text",
    [
        "torch.Size([1, 32, 55, 55])",
        "1x32x55x55",
        "1 × 32 × 55 × 55",
        "(1, 32, 55, 55)",
        "[1, 32, 55, 55]",
        "1, 32, 55, 55",
        "1 32 55 55",
    ],
)
def test_shape_correct(text: str) -> None:
    verdict = check(SHAPE, text)
    assert (verdict.status, verdict.read_as) == (v.CORRECT, "(1, 32, 55, 55)")
    assert verdict.expected == "(1, 32, 55, 55)"
    assert "1x32x55x55" in verdict.accepted


def test_shape_other_outcomes() -> None:
    assert check(SHAPE, "(1, 32, 55)").status == v.INCORRECT
    assert check(SHAPE, "(32, 55, 55, 1)").status == v.INCORRECT
    slip = check(SHAPE, "1x32x54x54")
    assert (slip.status, slip.tag, slip.credit) == (v.MISTAKE, "no_padding", HALF)
    for bad in ("(1, -32, 55, 55)", "(1, 32.5)", "(a, b)", "1x" * 9 + "1", ""):
        assert_invalid(check(SHAPE, bad))
    assert "expected whole numbers" in check(SHAPE, "(1, 32.5)").message


# -- choice, choices, boolean ------------------------------------------------------------------
OPTIONS = (("a", "ReLU"), ("b", "tanh"), ("c", "sigmoid"))
CHOICE = part(K.CHOICE, "b", options=OPTIONS)


@pytest.mark.parametrize("text", ["b", "B", "(b)", "2", "tanh"])
def test_choice_correct(text: str) -> None:
    verdict = check(CHOICE, text)
    assert (verdict.status, verdict.read_as, verdict.expected) == (v.CORRECT, "b", "b")


def test_choice_other_outcomes() -> None:
    assert check(CHOICE, "a").status == v.INCORRECT
    assert_invalid(check(CHOICE, "d"), "choose one of a, b, c", "1–3")
    assert_invalid(check(CHOICE, "4"), "choose one of a, b, c")


CHOICES = part(
    K.CHOICES,
    frozenset({"a", "c"}),
    options=OPTIONS,
    mistakes=(Mistake("only_relu", "sigmoid also saturates", frozenset({"a"})),),
)


@pytest.mark.parametrize("text", ["a, c", "c a", "ac", "{a; c}", "1, 3", "A,C"])
def test_choices_correct(text: str) -> None:
    verdict = check(CHOICES, text)
    assert (verdict.status, verdict.read_as, verdict.expected) == (v.CORRECT, "a, c", "a, c")


def test_choices_other_outcomes() -> None:
    assert check(CHOICES, "a, b, c").status == v.INCORRECT
    assert check(CHOICES, "a").tag == "only_relu"
    assert_invalid(check(CHOICES, "a, z"), "choose one of")
    assert_invalid(check(CHOICES, "  "), "empty")


BOOLEAN = part(K.BOOLEAN, True)


@pytest.mark.parametrize("text", ["true", "True", "T", "yes", "y", "1", "true."])
def test_boolean_correct(text: str) -> None:
    verdict = check(BOOLEAN, text)
    assert (verdict.status, verdict.read_as, verdict.expected) == (v.CORRECT, "true", "true")


def test_boolean_other_outcomes() -> None:
    wrong = check(BOOLEAN, "no")
    assert (wrong.status, wrong.read_as) == (v.INCORRECT, "false")
    assert_invalid(check(BOOLEAN, "maybe"), "type true or false")


# -- cross-cutting -----------------------------------------------------------------------------
ALL_PARTS = [
    INTEGER,
    FRACTION,
    part(K.REAL, LN9),
    EXPRESSION,
    VECTOR,
    MATRIX,
    SHAPE,
    CHOICE,
    CHOICES,
    BOOLEAN,
]


@pytest.mark.parametrize("the_part", ALL_PARTS, ids=lambda p: str(p.kind))
@pytest.mark.parametrize("text", ["", "???", "\x00", "1/0", "((", "x" * 500, "[[[", "é"])
def test_never_raises_and_invalid_says_why(the_part: Part, text: str) -> None:
    verdict = check(the_part, text)
    assert verdict.status in v.STATUSES
    if verdict.status == v.INVALID:
        assert len(verdict.message) > 10
        assert verdict.expected and verdict.accepted


@pytest.mark.parametrize("the_part", ALL_PARTS, ids=lambda p: str(p.kind))
def test_expected_answer_text_is_accepted(the_part: Part) -> None:
    verdict = check(the_part, check(the_part, "").expected)
    assert verdict.status == v.CORRECT, verdict


def test_verdict_json_round_trip() -> None:
    verdict = check(SHAPE, "1x32x54x54")
    data = verdict.to_json()
    assert data["verdict"] == v.MISTAKE and data["credit"] == 0.5
    assert data["tag"] == verdict.tag and data["read_as"] == verdict.read_as


def test_preview_never_grades() -> None:
    assert preview(INTEGER, "370,698") == "read as: 370698"
    assert preview(part(K.REAL, LN9), "ln(9)") == "read as: ln(9)"
    assert preview(EXPRESSION, "2x(x+1)") == "read as: 2*x*(x + 1)"
    assert "could not read" in preview(SHAPE, "(a, b)")
    assert preview(INTEGER, "   ") == ""
