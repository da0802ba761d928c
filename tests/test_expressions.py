"""The whitelist expression parser: grammar, helpful errors, cost caps, and to_text round trips."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.expressions import (
    canonical_name,
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
        ("exp(x, 2)", '"exp" takes 1 argument, got 2'),
        ("log(x, 2, 3)", '"log" takes 1 or 2 arguments, got 3'),
        ("binomial(x)", '"binomial" takes 2 arguments, got 1'),
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
    assert rational_value(tree("|-2| + max(1/2, 1/3) - min(1, 2) + sign(-5)")) == Fraction(1, 2)
    assert rational_value(tree("3!/4")) == Fraction(3, 2)
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
        st.tuples(
            st.just("call"),
            st.sampled_from(["exp", "log", "sqrt", "abs", "asin", "arctan", "sign"]),
            st.tuples(children),
        ),
        st.tuples(st.just("call"), st.sampled_from(["max", "min"]), st.tuples(children, children)),
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
    except AnswerFormatError as error:  # only the cost caps and real-value checks may refuse
        reasons = ("too large", "nested", "too costly", "limited to", "not a real", "no value")
        assert any(reason in str(error) for reason in reasons), (text, str(error))
        return
    assert parsed.read_as == text
    assert to_text(parsed.tree) == text
    assert parse_expression(to_text(parsed.tree), SYMBOLS).tree == parsed.tree
    names = {name: sympy.Symbol(name) for name in SYMBOLS}
    try:
        expected = to_sympy(generated, names)
    except ValueError:  # sympy refuses max(x, 0/0); the worker reports it as an error reply
        with pytest.raises(ValueError):
            to_sympy(parsed.tree, names)
        return
    assert to_sympy(parsed.tree, names) == expected, text


# -- implicit products: a power binds to the last factor ---------------------------------------
N, M = ("sym", "n"), ("sym", "m")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xy^2", ("mul", X, ("pow", Y, num(2)))),
        ("nm^(-1)", ("mul", N, ("pow", M, ("neg", num(1))))),
        ("nm^-1", ("mul", N, ("pow", M, ("neg", num(1))))),
        ("2x^2", ("mul", num(2), ("pow", X, num(2)))),
        ("2xy^2", ("mul", ("mul", num(2), X), ("pow", Y, num(2)))),
        ("xy²", ("mul", X, ("pow", Y, num(2)))),
        ("x^2y", ("mul", ("pow", X, num(2)), Y)),
        ("x^ny", ("mul", ("pow", X, N), Y)),  # an exponent ends where its factor ends
        ("(xy)^2", ("pow", ("mul", X, Y), num(2))),  # parentheses still group
        ("xexp(y)", ("mul", X, ("call", "exp", (Y,)))),  # a function may end a run of letters
        ("2πx", ("mul", ("mul", num(2), ("const", "pi")), X)),
        ("ex^2", ("mul", ("const", "E"), ("pow", X, num(2)))),
        ("n!m", ("mul", ("call", "factorial", (N,)), M)),
    ],
)
def test_a_power_binds_to_the_last_factor(text: str, expected: tuple) -> None:
    assert parse_expression(text, ["x", "y", "n", "m"]).tree == expected


@given(
    st.sampled_from(["x", "y", "n", "m"]), st.sampled_from(["x", "y", "n", "m"]), st.integers(-9, 9)
)
def test_juxtaposed_names_read_like_written_products(a: str, b: str, power: int) -> None:
    """'ab^k' always reads as 'a*b^k' and 'a*b^k' as itself: splitting never changes grouping."""
    symbols = ["x", "y", "n", "m"]
    exponent = f"({power})" if power < 0 else str(power)
    assert tree(f"{a}{b}^{exponent}", symbols) == tree(f"{a}*{b}^{exponent}", symbols)


# -- Greek letters and subscripts name declared symbols -----------------------------------------
@pytest.mark.parametrize(
    ("text", "declared", "name"),
    [
        ("μ0", "mu0", "mu0"),
        ("μ_0", "mu0", "mu0"),
        ("μ₀", "mu0", "mu0"),
        ("mu_0", "mu0", "mu0"),
        ("µ0", "mu0", "mu0"),  # the micro sign folds to mu
        ("σ_1", "sigma_1", "sigma_1"),
        ("σ1", "sigma_1", "sigma_1"),
        ("sigma1", "sigma_1", "sigma_1"),
        ("σ₁", "sigma_1", "sigma_1"),
        ("β₁", "beta1", "beta1"),
        ("beta_1", "beta1", "beta1"),
        ("Σ", "Sigma", "Sigma"),
        ("θ_hat", "theta_hat", "theta_hat"),
        ("ϑ", "theta", "theta"),  # the theta symbol folds to theta
    ],
)
def test_greek_names_with_digits_and_subscripts(text: str, declared: str, name: str) -> None:
    parsed = parse_expression(text, [declared, "x"])
    assert parsed.tree == ("sym", name)
    assert parsed.symbols == {name}


def test_canonical_name_is_the_documented_rule() -> None:
    assert canonical_name("σ_₁") == canonical_name("sigma1") == "sigma1"
    assert canonical_name("Σ_x") == "Sigmax"
    assert canonical_name("mu_0") == "mu0"


@pytest.mark.parametrize("text", ["μ0", "mu0", "σ_1", "beta1"])
def test_a_name_with_digits_is_never_split_into_a_product(text: str) -> None:
    with pytest.raises(AnswerFormatError, match="unknown name"):
        parse_expression(text, ["mu", "sigma", "beta", "x"])


def test_greek_next_to_letters_and_functions() -> None:
    symbols = ["mu", "sigma", "x"]
    assert tree("μσ", symbols) == ("mul", ("sym", "mu"), ("sym", "sigma"))
    assert tree("σx", symbols) == ("mul", ("sym", "sigma"), X)
    assert tree("σexp(x)", symbols) == ("mul", ("sym", "sigma"), ("call", "exp", (X,)))
    assert tree("2σ^2", symbols) == ("mul", num(2), ("pow", ("sym", "sigma"), num(2)))


def test_two_declared_names_with_one_canonical_form_are_reached_as_typed() -> None:
    assert tree("x_1", ["x_1", "x1"]) == ("sym", "x_1")
    assert tree("x1", ["x_1", "x1"]) == ("sym", "x1")


# -- absolute value bars, postfix factorial, new functions --------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("|x|", ("call", "abs", (X,))),
        ("|x-1|·|y|", ("mul", ("call", "abs", (("sub", X, num(1)),)), ("call", "abs", (Y,)))),
        ("|x-1||y|", ("mul", ("call", "abs", (("sub", X, num(1)),)), ("call", "abs", (Y,)))),
        ("||x|-1|", ("call", "abs", (("sub", ("call", "abs", (X,)), num(1)),))),
        ("2|x|", ("mul", num(2), ("call", "abs", (X,)))),
        ("|x|^2", ("pow", ("call", "abs", (X,)), num(2))),
        ("|(x|y|)|", ("call", "abs", (("mul", X, ("call", "abs", (Y,))),))),
        ("|x*|y||", ("call", "abs", (("mul", X, ("call", "abs", (Y,))),))),
        ("-|x|", ("neg", ("call", "abs", (X,)))),
        ("3!", ("call", "factorial", (num(3),))),
        ("(x+1)!", ("call", "factorial", (("add", X, num(1)),))),
        ("x!^2", ("pow", ("call", "factorial", (X,)), num(2))),
        ("2x!", ("mul", num(2), ("call", "factorial", (X,)))),
        ("2^3!", ("pow", num(2), ("call", "factorial", (num(3),)))),
        ("asin(x)", ("call", "asin", (X,))),
        ("arccos(x)", ("call", "arccos", (X,))),
        ("atan(x)", ("call", "atan", (X,))),
        ("max(x, y)", ("call", "max", (X, Y))),
        ("min(x, y, 1)", ("call", "min", (X, Y, num(1)))),
        ("sign(x - y)", ("call", "sign", (("sub", X, Y),))),
    ],
)
def test_bars_factorials_and_new_functions(text: str, expected: tuple) -> None:
    assert tree(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("|3-5|·|-2|", 4),
        ("3!", 6),
        ("(2+1)!^2", 36),
        ("max(1, 5, 3) - min(2, 4)", 3),
        ("sign(-7) + sign(0) + sign(2)", 0),
        ("asin(1/2)*6/pi", 1),
        ("arccos(0)*2/pi", 1),
        ("4atan(1)/pi", 1),
    ],
)
def test_new_syntax_converts_to_the_right_sympy_value(text: str, value: int) -> None:
    import sympy

    x = sympy.Symbol("x", real=True)
    built = to_sympy(parse_expression(text, ["x"]).tree, {"x": x})
    assert sympy.simplify(built - value) == 0


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("|x", 'expected "|" to close an absolute value'),
        ("|x|+|", 'expected an expression after "|"'),
        ("||", 'expected an expression after "|"'),
        ("x!!", "n!! is not supported"),
        ("!x", 'unexpected "!"'),
        ("max(x)", '"max" takes 2 or more arguments, got 1'),
        ("sign(x, y)", '"sign" takes 1 argument'),
        ("asin x", "needs parentheses"),
        ("max(" + ", ".join(["x"] * 17) + ")", "takes 2 or more"),
    ],
)
def test_new_syntax_errors(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        parse_expression(text, ["x", "y"])
    assert fragment in str(error.value)


# -- cost caps: what is expensive, not what merely looks big ------------------------------------
@pytest.mark.parametrize(
    "text", ["n^100", "x^50", "x^1000", "(2x)^500", "exp(x)^200", "(x+1)^64", "((x+1)(x+2))^30"]
)
def test_cheap_powers_are_allowed(text: str) -> None:
    parse_expression(text, ["x", "n"])


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("(x+1)^1000", "powers of a sum"),
        ("(x+1)^65", "limited to 64"),
        ("(n-1)^(-100)", "powers of a sum"),
        ("((x+1)*2)^100", "powers of a sum"),
        ("(x+n+1)^64*(x+n+2)^64", "expands to more than"),
        ("(x+n+3+x^2)^64", "expands to more than"),
        ("((x+1)^64)^64", "expands to more than"),
        ("x^1001", "limited to 1000"),
        ("2^2^2^2^2", "too large to check"),
        ("x^x^x^x^x", "stacked too deeply"),
        ("e^e^e^e^x", "stacked too deeply"),
        ("factorial(100000)", "too large"),
        ("3001!", "too large"),
        ("(10^10)!", "too large"),
    ],
)
def test_expensive_forms_are_refused_fast(text: str, fragment: str) -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(AnswerFormatError) as error:
        parse_expression(text, ["x", "n"])
    assert fragment in str(error.value)
    assert time.perf_counter() - start < 0.05


# -- constants that are not real numbers are refused with that reason --------------------------
@pytest.mark.parametrize(
    "text",
    [
        "sqrt(-1)",
        "sqrt(-2)*x",
        "log(-2)",
        "ln(1 - e)",
        "log2(-1/2)",
        "log(2, -3)",
        "sqrt(3 - pi)",
        "asin(2)",
        "arccos(-1.5)",
        "acos(pi)",
        "atanh(2)",
        "(-8)^(1/3)",
        "(-2)^0.5",
        "(-1)^pi",
        "(1 - e)^(1/2)",
    ],
)
def test_not_real_constants_say_so(text: str) -> None:
    with pytest.raises(AnswerFormatError, match="is not a real number"):
        parse_expression(text, ["x"])


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("log(0)", "minus infinity"), ("atanh(1)", "infinite"), ("0^(-1)", "divides by zero")],
)
def test_undefined_constants_say_so(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError, match=fragment):
        parse_expression(text, ["x"])


@pytest.mark.parametrize(
    "text",
    [
        "sqrt(pi - 3)",
        "asin(1)",
        "acos(-1)",
        "asin(sin(1))",
        "(-8)^3",
        "(-8)^(2/2)",  # a whole exponent, written as a fraction
        "log(e - 2)",
        "sqrt(exp(40) + 1/10 - exp(40))",  # float rounding hides the sign: left to the worker
        "sqrt(x - 5)",  # symbolic: decided where the symbol's domain is known
    ],
)
def test_real_or_undecidable_constants_are_read(text: str) -> None:
    parse_expression(text, ["x"])


# -- readable math typed back: what the app displays is accepted input ---------------------------
@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("√31178/250000", "sqrt(31178)/250000"),
        ("e^(−1/2) + e", "e^(-1/2) + e"),
        ("−7·log₂(7)/10 + 2", "-7*log2(7)/10 + 2"),
        ("x·e²", "x*e^2"),
        ("2√(x+1)", "2*sqrt(x + 1)"),
        ("√x^2", "sqrt(x)^2"),  # √ takes the next operand only, as it is printed
        ("√√16", "sqrt(sqrt(16))"),
        ("eˣ", "e^x"),  # a superscript letter is an exponent, not e·x
        ("2ⁿ", "2^n"),
        ("x⁽ⁿ⁺¹⁾", "x^(n + 1)"),
        ("σ₁²", "sigma_1^2"),
    ],
)
def test_displayed_math_reads_back(text: str, read_as: str) -> None:
    assert parse_expression(text, ["x", "n", "sigma_1"]).read_as == read_as


@pytest.mark.parametrize(("text", "fragment"), [("√", 'after "√"'), ("√-1", 'unexpected "-"')])
def test_root_sign_errors(text: str, fragment: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        parse_expression(text, ["x"])
    assert fragment in str(error.value)


@pytest.mark.parametrize("text", ["√4", "3!/3", "|-2|", "max(1, 2)", "2·1", "√(16)/2", "4^(1/2)"])
def test_new_forms_are_exact_answers_on_real_parts(text: str) -> None:
    """A real part sends these to the expression reader instead of refusing them as numbers."""
    import sympy

    from interview_sim.answers import verdict as v
    from interview_sim.answers.check import check
    from interview_sim.model import AnswerKind, Part

    assert check(Part("r", "?", AnswerKind.REAL, sympy.Integer(2)), text).status == v.CORRECT


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("log_2(8)", "log2(8)"),
        ("log_10(x)", "log10(x)"),
        ("Ln(x)", "ln(x)"),
        ("SQRT(x)", "sqrt(x)"),
        ("Exp(-x)", "exp(-x)"),
        ("arc_sin(x)", "arcsin(x)"),
    ],
)
def test_function_names_ignore_case_and_underscores(text: str, read_as: str) -> None:
    assert parse_expression(text, ["x"]).read_as == read_as


def test_declared_symbols_win_over_function_spellings() -> None:
    symbols = ["S", "i", "n", "x"]
    assert parse_expression("Sin", symbols).read_as == "S*i*n"  # no parenthesis: a product
    assert parse_expression("Sin(x)", symbols).read_as == "sin(x)"
    assert parse_expression("Ln", ["Ln"]).read_as == "Ln"  # a declared name is the symbol
