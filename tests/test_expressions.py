"""The whitelist expression parser: grammar, helpful errors, cost caps, and to_text round trips."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.expressions import (
    parse_expression,
    rational_value,
    to_sympy,
    to_text,
)

X = ("sym", "x")
Y = ("sym", "y")


def num(n: int) -> tuple:
    return ("num", Fraction(n))


def tree(text: str, symbols=("x", "y")) -> tuple:
    return parse_expression(text, symbols).tree


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2x", ("mul", num(2), X)),
        ("x y", ("mul", X, Y)),
        ("xy", ("mul", X, Y)),  # an undeclared run of letters split into declared names
        ("2(x+1)", ("mul", num(2), ("add", X, num(1)))),
        ("(x+1)(x-1)", ("mul", ("add", X, num(1)), ("sub", X, num(1)))),
        ("x^2", ("pow", X, num(2))),
        ("x**2", ("pow", X, num(2))),
        ("2^3^2", ("pow", num(2), ("pow", num(3), num(2)))),  # right-associative
        ("-x^2", ("neg", ("pow", X, num(2)))),  # -(x^2), not (-x)^2
        ("(-x)^2", ("pow", ("neg", X), num(2))),
        ("x^-1", ("pow", X, ("neg", num(1)))),
        ("2x^2", ("mul", num(2), ("pow", X, num(2)))),
        ("x/2y", ("mul", ("div", X, num(2)), Y)),  # left to right, as written
        ("1 - x - y", ("sub", ("sub", num(1), X), Y)),
        ("x × y", ("mul", X, Y)),
        ("x ÷ y", ("div", X, Y)),
        ("x − y", ("sub", X, Y)),  # unicode minus
        ("e^x", ("pow", ("const", "E"), X)),
        ("pi x", ("mul", ("const", "pi"), X)),
        ("exp(x)", ("call", "exp", (X,))),
        ("log(x, 2)", ("call", "log", (X, num(2)))),
        ("binomial(5, 2)", ("call", "binomial", (num(5), num(2)))),
        ("0.5x", ("mul", ("num", Fraction(1, 2)), X)),
        ("2.5e-3", ("num", Fraction(1, 400))),
        ("x²", ("pow", X, num(2))),  # superscripts are powers, not digits
        ("x⁻¹", ("pow", X, ("neg", num(1)))),
    ],
)
def test_grammar(text: str, expected: tuple) -> None:
    assert tree(text) == expected


def test_greek_letters_are_names() -> None:
    parsed = parse_expression("σ^2 + μ", ["sigma", "mu"])
    assert parsed.tree == ("add", ("pow", ("sym", "sigma"), num(2)), ("sym", "mu"))
    assert parsed.symbols == {"sigma", "mu"}
    assert parse_expression("2π").tree == ("mul", num(2), ("const", "pi"))
    assert parse_expression("λ x", ["lambda", "x"]).tree == ("mul", ("sym", "lambda"), X)


def test_unknown_name_lists_allowed_symbols() -> None:
    with pytest.raises(AnswerFormatError) as error:
        parse_expression("z + 1", ["x", "theta"])
    message = str(error.value)
    assert 'unknown name "z"' in message
    assert "theta, x" in message
    assert "pi and e" in message
    assert "exp" in message and "sqrt" in message


def test_functions_need_parentheses() -> None:
    with pytest.raises(AnswerFormatError, match=r'"exp" needs parentheses, e.g. exp\(x\)'):
        parse_expression("exp x", ["x"])
    with pytest.raises(AnswerFormatError, match="needs parentheses"):
        parse_expression("sqrt", ["x"])


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("exp(x, 2)", '"exp" takes 1 argument(s), got 2'),
        ("log(x, 2, 3)", '"log" takes 1 or 2 argument(s), got 3'),
        ("binomial(x)", '"binomial" takes 2 argument(s), got 1'),
    ],
)
def test_argument_counts(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        parse_expression(text, ["x"])
    assert fragment in str(error.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("3x^", 'expected an expression after "^"'),
        ("(x+1", 'expected ")"'),
        ("x+1)", 'unexpected ")"'),
        ("x +", 'expected an expression after "+"'),
        ("x = 1", 'the character "=" is not allowed'),
        ("x.y", 'the character "." is not allowed'),
        ("x" * 301, "too long"),
        ("(" * 45 + "x" + ")" * 45, "nested too deeply"),
        ("+".join(["x"] * 130), "too large"),
        ("9^9^9", "too large to check"),
        ("(x+1)^65", "limited to 64"),
        ("factorial(3001)", "too large"),
        ("binomial(10**6, 30000)", "too large to check"),
        ("factorial(1/2)", "whole-number argument"),
        ("exp(exp(exp(exp(x))))", "nested too deeply"),
        ("1" * 31, "more than 30 digits"),
        ("2^(10^5)", "too large to check"),
        ("1.2.3", "two numbers in a row"),
        ("1 000", "two numbers in a row"),
    ],
)
def test_errors_and_cost_caps(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        parse_expression(text, ["x"])
    assert fragment in str(error.value)


def test_rational_value_and_read_as() -> None:
    assert rational_value(tree("(1/4)/(3/4)")) == Fraction(1, 3)
    assert rational_value(tree("2^-2")) == Fraction(1, 4)
    assert rational_value(tree("x + 1")) is None
    assert rational_value(tree("pi")) is None
    assert parse_expression("2x(x+1)", ["x"]).read_as == "2*x*(x + 1)"
    assert parse_expression("-x^2", ["x"]).read_as == "-x^2"


def test_to_sympy_builds_the_tree() -> None:
    import sympy

    x = sympy.Symbol("x")
    built = to_sympy(tree("(x-1)(x+1) - x^2 + sigmoid(0)"), {"x": x, "y": sympy.Symbol("y")})
    assert sympy.simplify(built) == sympy.Rational(-1, 2)


# -- round trip: to_text is parseable and idempotent -------------------------------------------
SYMBOLS = ("x", "y", "theta")
leaves = st.one_of(
    st.sampled_from([("sym", s) for s in SYMBOLS]),
    st.integers(0, 12).map(num),
    st.sampled_from([("const", "pi"), ("const", "E")]),
)


def _extend(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        st.tuples(st.sampled_from(["add", "sub", "mul", "div"]), children, children),
        st.tuples(st.just("pow"), children, st.integers(0, 3).map(num)),
        st.tuples(st.just("pow"), children, st.integers(1, 3).map(lambda n: ("neg", num(n)))),
        st.tuples(st.just("neg"), children),
        st.tuples(st.just("call"), st.sampled_from(["exp", "log", "sqrt"]), st.tuples(children)),
    )


trees = st.recursive(leaves, _extend, max_leaves=12)


@given(trees)
def test_to_text_round_trip(generated: tuple) -> None:
    """to_text output parses back to the same text (+ and * may re-associate: x + (x + x) is
    printed "x + x + x" and read back as (x + x) + x, the same text and the same value)."""
    import sympy

    text = to_text(generated)
    try:
        parsed = parse_expression(text, SYMBOLS)
    except AnswerFormatError as error:  # only the cost caps may refuse a generated tree
        assert "too large" in str(error) or "nested" in str(error), (text, str(error))
        return
    assert parsed.read_as == text
    assert to_text(parsed.tree) == text
    assert parse_expression(to_text(parsed.tree), SYMBOLS).tree == parsed.tree
    names = {name: sympy.Symbol(name) for name in SYMBOLS}
    assert to_sympy(parsed.tree, names) == to_sympy(generated, names), text
