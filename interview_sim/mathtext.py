"""Exact values as a person reads them: ln, log₂, eˣ, √, π, ·, a/b, ×10ⁿ and "≈ 0.005978".

The checker's own text (``exact_text``) is program syntax a user can type back; this module is
for reading. One printer serves the TUI, the plain runner, the worked solutions (jinja filters),
the exports and the CLI's human output, so an answer looks the same wherever it is shown. It is a
sympy ``StrPrinter`` subclass rather than string replaces on ``sstr``, so ``exp`` inside a symbol
name or ``**`` inside a rational never gets mangled. Pure domain code: no UI imports.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

import mpmath
import sympy
from mpmath.libmp import to_str
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from interview_sim.answers.lists import shape_text
from interview_sim.answers.numbers import format_exact
from interview_sim.numeric import evaluate

MINUS = "\u2212"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "lamda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "omicron": "ο", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
    "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω",
}  # fmt: skip
_NAMED_LOG_BASES = {2: "log₂", 10: "log₁₀"}
_LONGEST_POWER = 10**21  # a power of ten with more digits is shown as 10^(mantissa × 10ⁿ)
_FIXED_RANGE = (-4, 6)  # decimal exponents shown without ×10ⁿ: 0.0001 ≤ |x| < 1 000 000


@lru_cache(maxsize=4096)  # every check shows the expected answer: print each value once
def decimal_text(value: Any, significant: int = 4) -> str:
    """A readable decimal with ``significant`` figures: 0.005978, 12.35, 7.193 × 10⁷, −0.5.

    Trailing zeros are dropped (0.5, not 0.5000); whole numbers up to a million keep all their
    digits; outside [10⁻⁴, 10⁶) the value is written as mantissa × 10ⁿ, never ``e+07``. The
    mantissa and power come from mpmath, whose exponents are unbounded: e^(e^44) is a value too.
    """
    number = _real(value, significant)
    if number.is_zero:
        return "0"
    sign = MINUS if number < 0 else ""
    mantissa, power = _scientific(abs(number), significant)
    if abs(power) >= _LONGEST_POWER:  # 10^(10^6363): the power's own digits are the news
        return f"{sign}10^({decimal_text(sympy.Integer(power), significant)})"
    if not _FIXED_RANGE[0] <= power < _FIXED_RANGE[1]:
        return f"{sign}{_strip(mantissa)} × 10{str(power).translate(_SUPERSCRIPT)}"
    if power >= significant - 1:  # a whole number part keeps all its digits: 12346, not 12350
        return sign + f"{Decimal(str(abs(number))):.0f}"
    rounded = Decimal(f"{mantissa}e{power}")
    return sign + _strip(f"{rounded:.{significant - 1 - power}f}")


def _scientific(magnitude: sympy.Float, significant: int) -> tuple[str, int]:
    """Mantissa digits and power of ten of a positive Float, for any exponent."""
    binary_exponent = magnitude._mpf_[2]
    if abs(binary_exponent) < 10**6:  # the usual case: mpmath prints it, correctly rounded
        text = to_str(
            magnitude._mpf_, significant, min_fixed=1, max_fixed=0, show_zero_exponent=True
        )
        mantissa, exponent = text.split("e")
        return mantissa, int(exponent)
    # e^(e^50) and beyond: printing divides by 10^power, whose cost grows with the power itself;
    # log₁₀ costs only as many bits as the exponent has
    bits = binary_exponent.bit_length() + 4 * significant + 20
    with mpmath.workprec(bits):
        log10 = mpmath.log10(magnitude._to_mpmath(bits))
        power = int(mpmath.floor(log10))
        mantissa = mpmath.power(10, log10 - power)
    text = mpmath.nstr(mantissa, significant)
    if float(text) >= 10:  # 9.9996 rounds up to the next power
        return mpmath.nstr(mantissa / 10, significant), power + 1
    return text, power


def fixed_text(value: Any, places: int) -> str:
    """A decimal with a fixed number of places (0.0349), switching to ×10ⁿ when that would hide
    the value: at least a million, or fewer than two significant figures left after rounding."""
    number = _real(value, places + 20)
    if not number.is_zero and (
        abs(number) >= 10**6 or abs(number) < sympy.Rational(10) ** (1 - places)
    ):
        return decimal_text(value, max(places, 3))
    text = f"{Decimal(str(number)):.{places}f}"
    return text.replace("-", MINUS) if number < 0 else text


def math_text(value: Any, *, approx: bool = True) -> str:
    """An exact value (sympy, Fraction, int, or a tuple/list of them) as readable math.

    With ``approx`` a non-trivial numeric value is followed by its decimal: "ln(3) ≈ 1.099",
    "1/3 ≈ 0.3333"; integers and terminating decimals are already their own decimal.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return _sequence_text(value, approx)
    if isinstance(value, float):
        return decimal_text(value, 6)
    exact = _sympify(value)
    return str(value) if exact is None else _exact_math(exact, approx)


@lru_cache(maxsize=4096)
def _exact_math(exact: sympy.Basic, approx: bool) -> str:
    text = _top_text(exact)
    if approx and _needs_approx(exact):
        text += f" ≈ {decimal_text(exact)}"
    return text


def part_display(part: Any) -> str:
    """A part's exact answer as readable math, with its decimal: what a person is shown as the
    expected answer. Shapes, options and true/false are already readable as they are."""
    kind = str(part.kind)
    if kind == "shape":
        return shape_text(part.answer)
    if kind == "choices":
        return ", ".join(sorted(part.answer))
    if kind == "choice":
        return str(part.answer)
    if kind in ("text", "explain"):  # words, not math: "log loss" is not log(loss)
        return str(part.answer)
    return math_text(part.answer)


# answer kinds whose stored text is words or a literal (a choice "e" is not Euler's number)
_AS_STORED = {"shape", "choice", "choices", "boolean", "text", "explain"}


def readable(text: str, symbols: tuple[str, ...] = (), kind: str = "") -> str:
    """Machine answer text the checker accepts ("log(9)/2", "[1/3, exp(-1)]") as readable math.

    Used where only the stored text is at hand (transcripts written before ``expected_display``
    existed, exports); text that is not math (choices, shapes, true/false) comes back unchanged,
    and with the part's ``kind`` known, so does every answer of a kind that is not math.
    """
    if str(kind) in _AS_STORED:
        return text
    value = _parse_machine(text.strip(), symbols)
    return text if value is None else math_text(value)


class ReadablePrinter(StrPrinter):
    """sympy's str printer with mathematical notation instead of Python syntax."""

    def _print_Integer(self, expr: sympy.Integer) -> str:
        return str(expr.p).replace("-", MINUS)

    def _print_Rational(self, expr: sympy.Rational) -> str:
        return f"{expr.p}/{expr.q}".replace("-", MINUS)

    def _print_Float(self, expr: sympy.Float) -> str:
        return decimal_text(expr, 6)

    def _print_Exp1(self, expr: Any) -> str:
        return "e"

    def _print_Pi(self, expr: Any) -> str:
        return "π"

    def _print_Infinity(self, expr: Any) -> str:
        return "∞"

    def _print_NegativeInfinity(self, expr: Any) -> str:
        return f"{MINUS}∞"

    def _print_ImaginaryUnit(self, expr: Any) -> str:
        return "i"

    def _print_Symbol(self, expr: sympy.Symbol) -> str:
        return symbol_text(expr.name)

    def _print_Abs(self, expr: Any) -> str:
        return f"|{self._print(expr.args[0])}|"

    def _print_factorial(self, expr: Any) -> str:
        return self.parenthesize(expr.args[0], PRECEDENCE["Func"]) + "!"

    def _print_Max(self, expr: Any) -> str:
        return f"max({self.stringify(expr.args, ', ')})"

    def _print_Min(self, expr: Any) -> str:
        return f"min({self.stringify(expr.args, ', ')})"

    def _print_log(self, expr: Any) -> str:
        return f"ln({self._print(expr.args[0])})"

    def _print_exp(self, expr: Any) -> str:
        return self._power_of_e(expr.args[0])

    def _print_Add(self, expr: sympy.Add, order: str | None = None) -> str:
        """Terms added first, then subtracted: 2 − ln(3), not −ln(3) + 2 (sympy's order)."""
        pieces = []
        for term in self._as_ordered_terms(expr, order=order):
            piece = self.parenthesize(term, PRECEDENCE["Add"]) if term.is_Add else self._print(term)
            pieces.append((piece.startswith(MINUS), piece.removeprefix(MINUS)))
        pieces.sort(key=lambda signed: signed[0])  # stable: keeps sympy's order within each sign
        negative, text = pieces[0]
        text = (MINUS if negative else "") + text
        for negative, piece in pieces[1:]:
            text += f" {MINUS if negative else '+'} {piece}"
        return text

    def _print_Mul(self, expr: sympy.Mul) -> str:
        coeff, factors = expr.as_coeff_mul()
        sign = ""
        if coeff.is_negative:
            sign, coeff = MINUS, -coeff
        numerator, denominator = [], []
        for factor in factors:
            if factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
                flipped = -factor.exp
                denominator.append(
                    factor.base if flipped == 1 else sympy.Pow(factor.base, flipped, evaluate=False)
                )
            else:
                numerator.append(factor)
        named = self._named_log(numerator, denominator)
        top = [self.parenthesize(f, PRECEDENCE["Mul"]) for f in numerator]
        bottom = [self.parenthesize(f, PRECEDENCE["Mul"]) for f in denominator]
        if coeff.is_Rational:
            if coeff.p != 1 or not (top or named):
                top.insert(0, str(coeff.p))
            if coeff.q != 1:
                bottom.insert(0, str(coeff.q))
        elif coeff != 1:
            top.insert(0, self._print(coeff))
        top += named
        text = "·".join(top) if top else "1"
        if bottom:
            below = "·".join(bottom)
            text += "/" + (f"({below})" if len(bottom) > 1 else below)
        return sign + text

    def _named_log(self, numerator: list, denominator: list) -> list[str]:
        """ln(x)/ln(2) is log₂(x): take one ln from the top and ln(2) or ln(10) from the bottom."""
        for base, name in _NAMED_LOG_BASES.items():
            below = sympy.log(base)
            logs = [f for f in numerator if isinstance(f, sympy.log)]
            if below in denominator and len(logs) == 1:
                denominator.remove(below)
                numerator.remove(logs[0])
                return [f"{name}({self._print(logs[0].args[0])})"]
        return []

    def _print_Pow(self, expr: sympy.Pow, rational: bool = False) -> str:
        base, exponent = expr.as_base_exp()
        if base is sympy.E:
            return self._power_of_e(exponent)
        if exponent.is_Rational and exponent.is_negative:
            flipped = base if exponent == -1 else sympy.Pow(base, -exponent, evaluate=False)
            return "1/" + self.parenthesize(flipped, PRECEDENCE["Mul"])
        if exponent == sympy.Rational(1, 2):
            return "√" + self._radicand(base)
        left = self.parenthesize(base, PRECEDENCE["Pow"], strict=True)
        if base.is_Rational and not base.is_Integer or base.could_extract_minus_sign():
            left = f"({self._print(base)})"
        if exponent.is_Integer:
            return left + str(exponent.p).translate(_SUPERSCRIPT)
        return f"{left}^{self._exponent(exponent)}"

    def _radicand(self, base: Any) -> str:
        if base.is_Atom and not (base.is_Rational and not base.is_Integer):
            return self._print(base)
        return f"({self._print(base)})"

    def _power_of_e(self, exponent: Any) -> str:
        if exponent.is_Integer:
            return "e" + str(exponent.p).translate(_SUPERSCRIPT)
        return f"e^{self._exponent(exponent)}"

    def _exponent(self, exponent: Any) -> str:
        if exponent.is_Symbol or (exponent.is_Atom and not exponent.is_Rational):
            return self._print(exponent)
        return f"({self._print(exponent)})"


_PRINTER = ReadablePrinter()


def symbol_text(name: str) -> str:
    """A symbol name with Greek letters spelled as letters: gamma → γ, sigma_1 → σ₁, mu0 → μ0."""
    match = re.fullmatch(r"([A-Za-z]+)(_?)(\w*)", name)
    if not match or match[1] not in _GREEK:
        return name
    head, underscore, rest = _GREEK[match[1]], match[2], match[3]
    if underscore and rest.isdigit():
        return head + rest.translate(_SUBSCRIPT)
    return head + underscore + rest


# A fraction longer than this (a p-value kept to 30 digits, 667530151…/10³¹) is noise to a reader:
# it is shown by its decimal alone
_LONGEST_FRACTION = 24


def _fraction_text(exact: sympy.Rational) -> str:
    return format_exact(Fraction(int(exact.p), int(exact.q)))


def _top_text(exact: sympy.Basic) -> str:
    if isinstance(exact, sympy.Rational):
        text = _fraction_text(exact).replace("-", MINUS)
        return text if len(text) <= _LONGEST_FRACTION else f"≈ {decimal_text(exact, 6)}"
    return _PRINTER.doprint(exact)


def _needs_approx(exact: sympy.Basic) -> bool:
    if exact.free_symbols or not exact.is_number or exact.is_Float:
        return False
    if isinstance(exact, sympy.Rational):
        text = _fraction_text(exact)
        return "/" in text and len(text) <= _LONGEST_FRACTION
    return exact.is_real is not False  # a complex value has no single decimal to show


def _sequence_text(values: list | tuple, approx: bool) -> str:
    items = [_sympify(v) if not isinstance(v, (list, tuple)) else v for v in values]
    exact = "[" + ", ".join(math_text(v, approx=False) for v in values) + "]"
    if not approx or not any(_sequence_needs_approx(v) for v in items):
        return exact
    return f"{exact} ≈ {_sequence_decimals(values)}"


def _sequence_needs_approx(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_sequence_needs_approx(_sympify(v)) for v in value)
    return value is not None and _needs_approx(value)


def _sequence_decimals(values: list | tuple) -> str:
    parts = [
        _sequence_decimals(v) if isinstance(v, (list, tuple)) else decimal_text(v) for v in values
    ]
    return "[" + ", ".join(parts) + "]"


def _sympify(value: Any) -> sympy.Basic | None:
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, (int, Fraction)):
        return sympy.Rational(Fraction(value).numerator, Fraction(value).denominator)
    if isinstance(value, float):
        return sympy.Float(value)
    return None


def _real(value: Any, digits: int) -> sympy.Float:
    """The value to ``digits`` significant figures (and a few more) as a sympy Float."""
    if isinstance(value, float):
        return sympy.Float(repr(value), max(digits, 17))
    number = evaluate(value, digits + 3)
    if not number.is_real:
        raise ValueError(f"{value} is not a real number: a decimal needs a real value")
    return number


def _strip(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def _parse_machine(text: str, symbols: tuple[str, ...]) -> Any:
    from interview_sim.answers.errors import AnswerFormatError
    from interview_sim.answers.expressions import parse_expression, to_sympy

    if text.startswith("[") and text.endswith("]"):
        pieces = _split_top(text[1:-1])
        values = [_parse_machine(piece.strip(), symbols) for piece in pieces]
        return None if any(v is None for v in values) else values
    names = symbols or tuple(sorted(set(re.findall(r"[A-Za-z_]\w*", text))))
    try:
        parsed = parse_expression(text, [n for n in names if not _is_builtin(n)])
        return to_sympy(parsed.tree, {name: sympy.Symbol(name) for name in parsed.symbols})
    except (AnswerFormatError, ValueError, TypeError):
        return None


def _is_builtin(name: str) -> bool:
    from interview_sim.answers.expressions import CONSTANTS, FUNCTIONS

    return name in FUNCTIONS or name in CONSTANTS


def _split_top(text: str) -> list[str]:
    """Split on commas outside brackets, in one pass."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return pieces
