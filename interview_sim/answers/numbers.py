"""Parse typed numbers exactly, without eval.

Accepted: ``0.25``, ``.5``, ``1/4``, ``-2.5e-3``, ``2.76e-15``, ``2.76 x 10^-15``, ``25%`` (only
where a part allows percent), unicode minus, thousands separators (``370,698``). The result is an
exact ``Fraction`` of what was typed, so ``0.1`` is 1/10, not the nearest binary float.

The comma rule: a comma is a thousands separator only where it can be one, i.e. every group after
a comma has exactly three digits and the first group is 1-3 digits that do not start with 0
(``370,698``, ``1,234``, ``1,234,567.5``). Anything else with a comma between digits (``0,667``,
``-1,5``, ``3,14159``, ``1,234,5``, ``1.234,5``) is a decimal comma: refused with "use a decimal
point", never read as another number. ``1,234`` is therefore 1234; the read-as echo shows it
before anything is graded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from interview_sim.answers.errors import AnswerFormatError

MAX_NUMBER_LENGTH = 80
MAX_EXPONENT = 400  # 10**400 is far beyond any answer in the book, and still cheap to hold exactly

_SIGNS = dict.fromkeys(map(ord, "\u2212\u2013\u2012\ufe63\uff0d"), "-")
_SIGNS[ord("\u2044")] = "/"  # the fraction slash of 1⁄2
# ½, ¾, ⅓ … and mixed numbers 3½: NFKC alone would turn 3½ into "31⁄2", thirty-one halves
_VULGAR = re.compile("[\u00bc-\u00be\u2150-\u215e]")
_DECIMAL = r"(?:\d+(?:\.\d*)?|\.\d+)"
_GROUPED = r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?"
DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")  # where a decimal comma may hide
_SCIENTIFIC = re.compile(
    rf"(?P<sign>[+-]?)(?P<mant>{_GROUPED}|{_DECIMAL})"
    r"(?:(?:[eE](?P<exp>[+-]?\d+))|(?:\s*(?:[x×*·]|\\times)\s*10\s*(?:\^|\*\*)\s*\(?(?P<exp10>[+-]?\d+)\)?))?"
)
_FRACTION = re.compile(rf"(?P<num>[+-]?{_DECIMAL})\s*/\s*(?P<den>[+-]?{_DECIMAL})")


@dataclass(frozen=True)
class ParsedNumber:
    value: Fraction
    read_as: str


_SUPERSCRIPT_CHARS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b"
_SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁽⁾"  # eˣ, 2ⁿ, x⁽ⁿ⁺¹⁾
_SUPERSCRIPTS = re.compile(f"[{_SUPERSCRIPT_CHARS}{_SUPERSCRIPT_LETTERS}]+")
_SUPERSCRIPT_PLAIN = str.maketrans(
    _SUPERSCRIPT_CHARS + _SUPERSCRIPT_LETTERS, "0123456789+-abcdefghijklmnoprstuvwxyz()"
)


def normalize(text: str) -> str:
    """NFKC-fold, map unicode minus signs to '-', and trim; refuse control characters.

    Superscripts are powers: ``2³`` is ``2^(3)``, ``10⁻³`` is ``10^(-3)`` and ``eˣ`` is ``e^(x)``
    (NFKC alone would fold them into plain characters and read ``2³`` as 23, ``eˣ`` as e·x).
    """
    text = _SUPERSCRIPTS.sub(lambda run: f"^({run.group().translate(_SUPERSCRIPT_PLAIN)})", text)
    text = _plain_fractions(text)
    folded = unicodedata.normalize("NFKC", text).translate(_SIGNS).strip()
    for char in folded:
        if unicodedata.category(char) in ("Cc", "Cf") and char not in "\t":
            raise AnswerFormatError(
                f"could not read the answer: it contains a control character (U+{ord(char):04X})"
            )
    return folded


def _plain_fractions(text: str) -> str:
    """½ as (1/2) and the mixed number 3½ (or 3 ½) as (3+1/2): what the glyph means, in plain
    text. One pass: each glyph looks back over at most one space and the digits before it."""
    pieces, done = [], 0
    for match in _VULGAR.finditer(text):
        whole_end = match.start() - (text[match.start() - 1 : match.start()] == " ")
        whole_start = whole_end
        while whole_start > done and text[whole_start - 1].isdigit():
            whole_start -= 1
        if whole_start == whole_end:  # no whole part: keep any space before the glyph
            whole_start = whole_end = match.start()
        numerator, denominator = unicodedata.normalize("NFKC", match[0]).split("\u2044")
        whole = f"{text[whole_start:whole_end]}+" if whole_end > whole_start else ""
        pieces += [text[done:whole_start], f"({whole}{numerator}/{denominator})"]
        done = match.end()
    return "".join(pieces) + text[done:]


def _exact_decimal(mantissa: str, exponent: str | None) -> Fraction:
    exp = int(exponent) if exponent else 0
    if abs(exp) > MAX_EXPONENT:
        raise AnswerFormatError(
            f"the exponent {exp} is out of range: use exponents between "
            f"-{MAX_EXPONENT} and {MAX_EXPONENT}"
        )
    return Fraction(mantissa.replace(",", "")) * Fraction(10) ** exp


def parse_number(text: str, *, allow_percent: bool = False) -> ParsedNumber:
    """Read one number; raise AnswerFormatError with a helpful message otherwise."""
    cleaned = normalize(text)
    if not cleaned:
        raise AnswerFormatError("the answer is empty: type a number such as 0.25 or 1/4")
    if len(cleaned) > MAX_NUMBER_LENGTH:
        raise AnswerFormatError(
            f"could not read the answer: {len(cleaned)} characters is too long for a number"
        )
    percent = cleaned.endswith("%")
    if percent:
        if not allow_percent:
            raise AnswerFormatError(
                f'could not read "{cleaned}": percent is not accepted here; '
                "type the value as a decimal (25% is 0.25)"
            )
        cleaned = cleaned[:-1].rstrip()

    if match := _FRACTION.fullmatch(cleaned):
        numerator = Fraction(match["num"])
        denominator = Fraction(match["den"])
        if denominator == 0:
            raise AnswerFormatError(f'could not read "{cleaned}": division by zero')
        value = numerator / denominator
        read_as = f"{match['num']}/{match['den']}"
    elif match := _SCIENTIFIC.fullmatch(cleaned):
        value = _exact_decimal(match["mant"], match["exp"] or match["exp10"])
        if match["sign"] == "-":
            value = -value
        exponent = match["exp"] or match["exp10"]
        mantissa = match["sign"] + match["mant"].replace(",", "")
        read_as = f"{mantissa} × 10^{int(exponent)}" if exponent else mantissa
    elif DIGIT_COMMA_DIGIT.search(cleaned):
        raise decimal_comma_error(cleaned)
    else:
        raise AnswerFormatError(
            f'could not read "{cleaned}" as a number: expected a decimal (0.25, -2.5e-3), '
            "a fraction (1/4) or scientific notation (2.76e-15)"
        )
    if percent:
        value /= 100
        read_as = f"{read_as}% = {format_exact(value)}"
    return ParsedNumber(value, read_as)


def decimal_comma_error(text: str) -> AnswerFormatError:
    """The refusal of a decimal comma: 0,667 must never be read as 667 (or as 0 and 667)."""
    single = _ONE_DECIMAL_COMMA.fullmatch(text)
    example = f"{text.replace(',', '.')}, not {text}" if single else "0.667, not 0,667"
    return AnswerFormatError(
        f'could not read "{text}": use a decimal point, not a decimal comma ({example}); '
        "a comma may only group thousands, as in 370,698; expected a decimal such as 0.25"
    )


_ONE_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def format_exact(value: Fraction) -> str:
    """A terminating decimal as a decimal (0.0258), anything else as a fraction (1/15)."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1 or max(twos, fives) > 30:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    scaled = abs(value.numerator) * 10**places // value.denominator
    digits = str(scaled).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def format_decimal(value: float, significant: int = 6) -> str:
    """A float for display, with a fixed number of significant figures."""
    return f"{value:.{significant}g}"
