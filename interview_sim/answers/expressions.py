"""A whitelist parser for typed math expressions; user text is never given to eval or sympify.

The text is tokenised and parsed by hand into a tiny tree of tuples. Only the part's declared
symbols, the constants ``pi`` and ``e`` and a fixed list of functions exist; ``^`` and ``**`` are
powers; ``2x``, ``x y`` and ``2(x+1)`` are products; ``|x|`` is an absolute value, ``n!`` a
factorial and ``√x`` a square root, so the readable math the app shows (``√31178/250000``,
``e^(−1/2)``, ``7·log₂(7)``) can be typed back as it reads. An undeclared run of letters such
as ``xy`` is split into declared names *before* parsing, so a power binds to the last factor as a
person means it: ``xy^2`` is x·y², ``nm^(-1)`` is n/m.

Names are matched to declared symbols by one canonical form (``canonical_name``): Greek letters
become their English names (μ → mu, σ → sigma, Σ → Sigma), subscript digits become digits, and
underscores are optional. So ``μ0``, ``mu_0``, ``μ₀`` and ``mu0`` all name a declared ``mu0`` (or
``mu_0``), and a name with digits is never split into a product (``μ0`` is not μ·0).

Before anything is built with sympy, a static cost pass bounds the tree (length, depth, node
count, literal size, exponent towers, powers of sums, factorial arguments), so ``9**9**9``,
``(x+1)^1000`` or ``factorial(10**7)`` are refused in microseconds instead of hanging a worker,
while ``n^100`` (cheap for sympy) is allowed. The same pass refuses constants that are not real
numbers (``sqrt(-1)``, ``log(-2)``, ``asin(2)``) with that reason. Building the sympy object
(``to_sympy``) happens in the checking worker.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.numbers import (
    DIGIT_COMMA_DIGIT,
    MAX_EXPONENT,
    decimal_comma_error,
    format_exact,
    normalize,
)

MAX_LENGTH = 300
MAX_DEPTH = 40
MAX_NODES = 250
MAX_LITERAL_DIGITS = 30
MAX_CONSTANT_BITS = 4096  # exact constants larger than about 10**1233 are refused
MAX_SYMBOLIC_EXPONENT = 64  # (x + 1)^64 still expands in milliseconds
MAX_MONOMIAL_EXPONENT = 1000  # x^1000 is one sympy Pow: cheap, unlike a power of a sum
MAX_EXPANDED_TERMS = 20_000  # (x + y + 1)^64 has 2,145 terms once expanded; (x+y+z+1)^64 48k
MAX_ARGUMENTS = 16  # for max(...) and min(...)
MAX_FACTORIAL_ARGUMENT = 3000  # 3000! has about 30,000 bits: computed in well under 10 ms
MAX_COMBINATORIAL_BITS = 25_000  # binomial(100000, 3000) (19,433 bits) takes about 11 ms in sympy
MAX_EXP_NESTING = 3  # exp(exp(exp(x))) at most: towers make the numeric probe explode

FUNCTIONS: dict[str, tuple[int, ...]] = {
    "exp": (1,),
    "log": (1, 2),
    "ln": (1,),
    "log2": (1,),
    "log10": (1,),
    "sqrt": (1,),
    "sin": (1,),
    "cos": (1,),
    "tan": (1,),
    "sinh": (1,),
    "cosh": (1,),
    "tanh": (1,),
    "asin": (1,),
    "acos": (1,),
    "atan": (1,),
    "arcsin": (1,),
    "arccos": (1,),
    "arctan": (1,),
    "atanh": (1,),
    "arctanh": (1,),
    "sigmoid": (1,),
    "abs": (1,),
    "Abs": (1,),
    "factorial": (1,),
    "binomial": (2,),
    "max": tuple(range(2, MAX_ARGUMENTS + 1)),
    "min": tuple(range(2, MAX_ARGUMENTS + 1)),
    "sign": (1,),
}
CONSTANTS = {"pi": "pi", "e": "E", "E": "E"}
GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "ς": "sigma",
    "τ": "tau",
    "υ": "upsilon",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
    "Γ": "Gamma",
    "Δ": "Delta",
    "Θ": "Theta",
    "Λ": "Lambda",
    "Ξ": "Xi",
    "Π": "Pi",
    "Σ": "Sigma",
    "Φ": "Phi",
    "Ψ": "Psi",
    "Ω": "Omega",
}
_GREEK_PATTERN = re.compile("|".join(GREEK))


def canonical_name(name: str) -> str:
    """The form in which a typed name and a declared symbol must agree: Greek letters spelled
    in English, subscript digits as digits, no underscores (``σ_₁`` and ``sigma1`` agree)."""
    folded = unicodedata.normalize("NFKC", name)
    return _GREEK_PATTERN.sub(lambda letter: GREEK[letter.group()], folded).replace("_", "")


Node = tuple  # ("num", Fraction) | ("sym", name) | ("const", name) | ("neg", a) | (op, a, b)
#               | ("call", name, args); op in add, sub, mul, div, pow

_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z_]))?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\*\*|[-+*/^(),|!√]))"
)
_OP_ALIASES = {"×": "*", "·": "*", "÷": "/", "−": "-"}


@dataclass(frozen=True)
class Token:
    kind: str  # num, name, op, end
    text: str
    pos: int


@dataclass(frozen=True)
class ParsedExpression:
    tree: Node
    read_as: str
    symbols: frozenset[str]


def _fail(text: str, message: str) -> AnswerFormatError:
    return AnswerFormatError(f'could not read "{text}": {message}')


def tokenize(text: str) -> list[Token]:
    text = _GREEK_PATTERN.sub(_spelled_greek, text)
    for alias, op in _OP_ALIASES.items():
        text = text.replace(alias, op)
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match:
            bad = text[pos:].lstrip()[0]
            raise _fail(text.strip(), f'the character "{bad}" is not allowed in an expression')
        kind = match.lastgroup or "op"
        value = match.group(kind)
        tokens.append(Token(kind, "^" if value == "**" else value, match.start(kind)))
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def function_name(name: str) -> str | None:
    """The function a typed name means: as typed, or with '_' and case ignored (log_2, Ln, SQRT)
    when no declared symbol claims the name first."""
    if name in FUNCTIONS:
        return name
    folded = canonical_name(name).lower()
    return folded if folded in FUNCTIONS else None


def _spelled_greek(letter: re.Match[str]) -> str:
    """μ0, σ_1 stay one name (mu0, sigma_1); next to another letter, a Greek letter is a name of
    its own (σx is sigma x, σexp(x) is sigma exp(x))."""
    text, start, end = letter.string, letter.start(), letter.end()
    before = " " if start > 0 and text[start - 1].isalpha() else ""
    after = " " if end < len(text) and text[end].isalpha() else ""
    return f"{before}{GREEK[letter.group()]}{after}"


class _Parser:
    def __init__(self, text: str, symbols: Iterable[str]) -> None:
        self.text = text.strip()
        self.symbols = frozenset(symbols)
        self.aliases = _aliases(self.symbols)
        self.tokens = _split_names(tokenize(text), self.aliases)
        self.index = 0
        self.depth = 0
        self.nodes = 0
        self.bars = 0  # absolute-value bars open in the current parenthesis level
        self.used: set[str] = set()

    # -- helpers -------------------------------------------------------------------------
    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.token
        self.index += 1
        return token

    def node(self, *items: Any) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _fail(self.text, f"the expression is too large (more than {MAX_NODES} parts)")
        return tuple(items)

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _fail(self.text, f"the expression is nested too deeply (over {MAX_DEPTH} levels)")

    def expect(self, op: str, after: str) -> None:
        if self.token.text != op or self.token.kind != "op":
            raise _fail(self.text, f'expected "{op}" {after}')
        self.advance()

    # -- grammar -------------------------------------------------------------------------
    def parse(self) -> Node:
        if self.token.kind == "end":
            raise AnswerFormatError("the answer is empty: type an expression such as 2*x + 1")
        tree = self.sum()
        if self.token.kind != "end":
            if self.token.text == "," and DIGIT_COMMA_DIGIT.search(self.text):
                raise decimal_comma_error(self.text)
            if self.token.text == "|":
                raise _fail(self.text, 'a "|" closes no absolute value: write |x| around it')
            raise _fail(self.text, f'unexpected "{self.token.text}"')
        return tree

    def sum(self) -> Node:
        self.enter()
        left = self.product()
        while self.token.kind == "op" and self.token.text in "+-":
            op = "add" if self.advance().text == "+" else "sub"
            left = self.node(op, left, self.product())
        self.depth -= 1
        return left

    def starts_operand(self) -> bool:
        """Whether an implicit product continues here; inside bars, a "|" closes them."""
        token = self.token
        if token.kind == "op" and token.text == "|":
            return self.bars == 0
        return token.kind in ("num", "name") or (token.kind == "op" and token.text in "(√")

    def product(self) -> Node:
        left = self.unary()
        while True:
            if self.token.kind == "op" and self.token.text in "*/":
                op = "mul" if self.advance().text == "*" else "div"
                left = self.node(op, left, self.unary())
            elif self.starts_operand():  # implicit multiplication: 2x, x y, 2(x + 1)
                if self.token.kind == "num" and self.tokens[self.index - 1].kind == "num":
                    raise _fail(  # "1 000" or "1.2.3" is a typo, not 1*0 or 1.2*0.3
                        self.text,
                        f'two numbers in a row ("{self.tokens[self.index - 1].text} '
                        f'{self.token.text}"): use * to multiply them',
                    )
                left = self.node("mul", left, self.power())
            else:
                return left

    def unary(self) -> Node:
        if self.token.kind == "op" and self.token.text in "+-":
            sign = self.advance().text
            self.enter()
            operand = self.unary()
            self.depth -= 1
            return self.node("neg", operand) if sign == "-" else operand
        return self.power()

    def power(self) -> Node:
        base = self.primary()
        while self.token.kind == "op" and self.token.text == "!":  # postfix n!, (n+1)!
            self.advance()
            if self.token.kind == "op" and self.token.text == "!":
                raise _fail(self.text, "n!! is not supported: write factorial(factorial(n))")
            base = self.node("call", "factorial", (base,))
        if self.token.kind == "op" and self.token.text == "^":
            self.advance()
            if self.token.kind == "end":
                raise _fail(self.text, 'expected an expression after "^"')
            self.enter()
            exponent = self.unary()  # right-associative; allows 2^-1
            self.depth -= 1
            return self.node("pow", base, exponent)
        return base

    def primary(self) -> Node:
        token = self.token
        if token.kind == "num":
            self.advance()
            return self.node("num", _literal(self.text, token.text))
        if token.kind == "name":
            self.advance()
            return self.name(token.text)
        if token.kind == "op" and token.text == "(":
            self.advance()
            inner = self.grouped(self.sum)
            self.expect(")", "to close a parenthesis")
            return inner
        if token.kind == "op" and token.text == "√":  # √2, √(x + 1): the next operand only
            self.advance()
            self.enter()
            radicand = self.primary()
            self.depth -= 1
            return self.node("call", "sqrt", (radicand,))
        if token.kind == "op" and token.text == "|":
            self.advance()
            self.bars += 1
            inner = self.sum()
            self.expect("|", "to close an absolute value |…|")
            self.bars -= 1
            return self.node("call", "abs", (inner,))
        if token.kind == "end":
            previous = self.tokens[self.index - 1].text if self.index else ""
            raise _fail(self.text, f'expected an expression after "{previous}"')
        raise _fail(self.text, f'unexpected "{token.text}"')

    def grouped(self, parse: Any) -> Node:
        """Parse inside parentheses, where bars opened outside cannot be closed."""
        bars, self.bars = self.bars, 0
        inner = parse()
        self.bars = bars
        return inner

    def name(self, name: str) -> Node:
        symbol = None
        if name not in FUNCTIONS:
            symbol = self.aliases.get(name) or self.aliases.get(canonical_name(name))
        if symbol is not None:
            self.used.add(symbol)
            return self.node("sym", symbol)
        if function := function_name(name):
            return self.call(function)
        if name in CONSTANTS:
            return self.node("const", CONSTANTS[name])
        symbols = f"the symbols ({', '.join(sorted(self.symbols))}), " if self.symbols else ""
        raise _fail(
            self.text,
            f'unknown name "{name}": use {symbols}the constants pi and e, '
            f"or the functions {', '.join(sorted(set(FUNCTIONS) - {'Abs'}))}",
        )

    def call(self, name: str) -> Node:
        if not (self.token.kind == "op" and self.token.text == "("):
            raise _fail(self.text, f'the function "{name}" needs parentheses, e.g. {name}(x)')
        self.advance()
        args = [self.grouped(self.sum)]
        while self.token.kind == "op" and self.token.text == ",":
            self.advance()
            args.append(self.grouped(self.sum))
        self.expect(")", f"to close {name}(")
        counts = FUNCTIONS[name]
        if len(args) not in counts:
            if DIGIT_COMMA_DIGIT.search(self.text):
                raise decimal_comma_error(self.text)
            allowed = f"{counts[0]} or more" if len(counts) > 2 else " or ".join(map(str, counts))
            noun = "argument" if allowed == "1" else "arguments"
            raise _fail(self.text, f'"{name}" takes {allowed} {noun}, got {len(args)}')
        return self.node("call", name, tuple(args))


def _literal(text: str, literal: str) -> Fraction:
    mantissa, _, exponent = literal.lower().partition("e")
    if len(mantissa.replace(".", "")) > MAX_LITERAL_DIGITS:
        raise _fail(text, f"the number {literal[:20]}… has more than {MAX_LITERAL_DIGITS} digits")
    if exponent and abs(int(exponent)) > MAX_EXPONENT:
        raise _fail(text, f"the exponent in {literal} is out of range")
    return Fraction(literal)


def _aliases(symbols: frozenset[str]) -> dict[str, str]:
    """Canonical name -> declared symbol. A declared name always names itself; two declared names
    with one canonical form (x_1 and x1) are then only reachable as typed."""
    by_key: dict[str, list[str]] = {}
    for symbol in symbols:
        by_key.setdefault(canonical_name(symbol), []).append(symbol)
    aliases = {key: names[0] for key, names in by_key.items() if len(names) == 1}
    aliases.update({symbol: symbol for symbol in symbols})
    return aliases


def _split_names(tokens: list[Token], aliases: Mapping[str, str]) -> list[Token]:
    """Split each undeclared run of letters into declared names ('xy' -> x y), so the parser sees
    an implicit product and a following power binds to the last factor only. A function name may
    end the run when a parenthesis follows ('xexp(x)' -> x exp(x)). Names with digits or
    underscores are never split: they must name a symbol (μ0 is mu0, not mu·0)."""
    out: list[Token] = []
    for index, token in enumerate(tokens):
        text = token.text
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        calls = following is not None and following.kind == "op" and following.text == "("
        if (
            token.kind != "name"
            or text in aliases
            or canonical_name(text) in aliases
            or text in FUNCTIONS
            or (calls and function_name(text))
            or text in CONSTANTS
            or not text.isalpha()
        ):
            out.append(token)
            continue
        pieces = _split_name(text, aliases, calls)
        if pieces is None:
            out.append(token)
            continue
        offset = token.pos
        for piece in pieces:
            out.append(Token("name", piece, offset))
            offset += len(piece)
    return out


def _split_name(name: str, aliases: Mapping[str, str], calls: bool) -> list[str] | None:
    """The split of ``name`` into known names with the fewest pieces, or None. Dynamic
    programming over end positions: linear in len(name) times the number of known names."""
    known = sorted({*aliases, "pi", "e"}, key=len, reverse=True)
    functions = sorted(FUNCTIONS, key=len, reverse=True) if calls else []
    best: list[list[str] | None] = [None] * (len(name) + 1)
    best[0] = []
    for start in range(len(name)):
        prefix = best[start]
        if prefix is None:
            continue
        for candidate in known:
            end = start + len(candidate)
            if name.startswith(candidate, start) and (
                best[end] is None or len(prefix) + 1 < len(best[end])  # type: ignore[arg-type]
            ):
                best[end] = [*prefix, candidate]
        for function in functions:  # only as the last piece, right before "("
            if name.endswith(function) and start + len(function) == len(name):
                if best[len(name)] is None:
                    best[len(name)] = [*prefix, function]
    pieces = best[len(name)]
    return pieces if pieces and len(pieces) > 1 else None


# -- static cost pass --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Cost:
    bits: int  # upper bound on the size of an exact constant value (64 for anything symbolic)
    constant: bool
    value: Fraction | None  # the exact value when it is a cheap rational
    exp_nesting: int
    terms: int = 1  # how many terms the value has once expanded (what makes powers of sums costly)
    approx: float | None = None  # a constant's float value, only to see its sign
    scale: float = 0.0  # the largest magnitude met computing approx: its rounding error is tiny
    # compared with this, so a sign is trusted only when |approx| is far above it


def _bits(value: Fraction) -> int:
    return max(abs(value.numerator).bit_length(), value.denominator.bit_length(), 1)


def _float(value: Fraction) -> float | None:
    try:
        return float(value)
    except OverflowError:
        return None


def _approx(compute: Any, *costs: _Cost) -> tuple[float | None, float]:
    """A float for a constant built from constants with floats; (None, 0) when out of range."""
    if any(cost.approx is None for cost in costs):
        return None, 0.0
    try:
        result = float(compute(*(cost.approx for cost in costs)))
    except (ArithmeticError, ValueError):
        return None, 0.0
    if math.isnan(result) or math.isinf(result):
        return None, 0.0
    return result, max(abs(result), *(cost.scale for cost in costs))


def _sign(cost: _Cost) -> int | None:
    """The sign of a constant when it is certain: exactly, or far beyond float rounding."""
    if cost.value is not None:
        return (cost.value > 0) - (cost.value < 0)
    if cost.approx is not None and abs(cost.approx) > 1e-9 * cost.scale:
        return 1 if cost.approx > 0 else -1
    return None


def _cost(text: str, tree: Node) -> _Cost:
    kind = tree[0]
    if kind == "num":
        approx = _float(tree[1])
        return _Cost(_bits(tree[1]), True, tree[1], 0, 1, approx, abs(approx or 0.0))
    if kind == "sym":
        return _Cost(64, False, None, 0)
    if kind == "const":
        approx = math.pi if tree[1] == "pi" else math.e
        return _Cost(2, True, None, 0, 1, approx, approx)
    if kind == "neg":
        inner = _cost(text, tree[1])
        value = -inner.value if inner.value is not None else None
        approx = -inner.approx if inner.approx is not None else None
        return _Cost(
            inner.bits, inner.constant, value, inner.exp_nesting, inner.terms, approx, inner.scale
        )
    if kind == "call":
        return _call_cost(text, tree, [_cost(text, arg) for arg in tree[2]])
    left, right = _cost(text, tree[1]), _cost(text, tree[2])
    if kind == "pow":
        return _pow_cost(text, tree, left, right)
    constant = left.constant and right.constant
    nesting = max(left.exp_nesting, right.exp_nesting)
    bits = max(left.bits, right.bits) + 1 if kind in ("add", "sub") else left.bits + right.bits
    value = None  # x/0 stays None: each reader reports a division by zero in its own terms
    if left.value is not None and right.value is not None and (kind != "div" or right.value):
        value = _ARITHMETIC[kind](left.value, right.value)
    approx, scale = _approx(_ARITHMETIC[kind], left, right) if constant else (None, 0.0)
    terms = {
        "add": left.terms + right.terms,
        "sub": left.terms + right.terms,
        "mul": left.terms * right.terms,
        "div": max(left.terms, right.terms),
    }[kind]
    return _checked(
        text, _Cost(bits, constant, value, nesting, 1 if constant else terms, approx, scale)
    )


_ARITHMETIC = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
}


def _pow_cost(text: str, tree: Node, base: _Cost, exponent: _Cost) -> _Cost:
    nesting = max(base.exp_nesting, exponent.exp_nesting)
    constant = base.constant and exponent.constant
    if constant:
        _real_power(text, tree, base, exponent)
    approx, scale = _approx(math.pow, base, exponent) if constant else (None, 0.0)
    if not exponent.constant:
        if nesting + 1 > MAX_EXP_NESTING:
            raise _fail(text, "powers with variable exponents are stacked too deeply to check")
        return _checked(text, _Cost(64, False, None, nesting + 1))
    if exponent.value is None:  # e.g. 2^pi: irrational but bounded by the exponent's size
        if exponent.bits > 16:
            raise _fail(text, "an exponent is too large to check")
        bits = base.bits * 2**exponent.bits
        return _checked(text, _Cost(bits, base.constant, None, nesting, 1, approx, scale))
    power = exponent.value
    # a decimal exponent such as e^4.8792 (= 6099/1250) is fine: what costs is its size
    if abs(power) > MAX_EXPONENT * 8 or power.denominator > 10**6:
        raise _fail(text, f"the exponent {format_exact(power)} is too large to check")
    terms = 1
    if not base.constant:
        if base.terms > 1 and abs(power) > MAX_SYMBOLIC_EXPONENT:
            raise _fail(
                text,
                f"powers of a sum such as (x + 1)^n are limited to {MAX_SYMBOLIC_EXPONENT}: "
                "expanding a larger one is too costly to check",
            )
        if abs(power) > MAX_MONOMIAL_EXPONENT:
            raise _fail(text, f"powers of a symbol are limited to {MAX_MONOMIAL_EXPONENT}")
        if base.terms > 1 and power.denominator == 1:
            n = abs(power.numerator)
            terms = math.comb(n + base.terms - 1, base.terms - 1)
    bits = base.bits * max(-(-abs(power.numerator) // power.denominator), 1)
    value = None
    if base.value is not None and power.denominator == 1 and bits <= MAX_CONSTANT_BITS:
        if base.value != 0 or power >= 0:
            value = base.value ** int(power)
    return _checked(text, _Cost(bits, base.constant, value, nesting, terms, approx, scale))


def _real_power(text: str, tree: Node, base: _Cost, exponent: _Cost) -> None:
    """A constant power must be a real number: (-8)^(1/3) is complex in sympy, 0^-1 undefined."""
    base_sign, exponent_sign = _sign(base), _sign(exponent)
    whole = exponent.value is not None and exponent.value.denominator == 1
    if base_sign == -1 and not whole and (exponent.value is not None or exponent_sign is not None):
        raise _not_real(text, tree, "a negative number to a non-whole power")
    if base.value == 0 and exponent_sign == -1:
        raise _undefined(text, tree, "zero to a negative power divides by zero")


_APPROX_FUNCTIONS: dict[str, Any] = {
    "exp": math.exp,
    "log": lambda x, base=math.e: math.log(x, base),
    "ln": math.log,
    "log2": math.log2,
    "log10": math.log10,
    "sqrt": math.sqrt,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "tanh": math.tanh,
    "asin": math.asin,
    "acos": math.acos,
    "atan": math.atan,
    "arcsin": math.asin,
    "arccos": math.acos,
    "arctan": math.atan,
    "atanh": math.atanh,
    "arctanh": math.atanh,
    "sigmoid": lambda x: 1 / (1 + math.exp(-x)),
    "abs": abs,
    "Abs": abs,
    "max": max,
    "min": min,
    "sign": lambda x: (x > 0) - (x < 0),
}
_LOGS = ("log", "ln", "log2", "log10")
_UNIT_DOMAIN = ("asin", "acos", "arcsin", "arccos")


def _call_cost(text: str, tree: Node, args: list[_Cost]) -> _Cost:
    name = tree[1]
    constant = all(arg.constant for arg in args)
    nesting = max(arg.exp_nesting for arg in args)
    if name in ("factorial", "binomial"):
        return _combinatorial_cost(text, name, args, nesting)
    if constant:
        _real_call(text, tree, args)
    approx, scale = _approx(_APPROX_FUNCTIONS[name], *args) if constant else (None, 0.0)
    if name in _LOGS and constant:  # the log of a b-bit number is about b*ln 2: a small value
        bits = max(arg.bits for arg in args)
        return _Cost(max(bits.bit_length() + 1, 2), True, None, nesting, 1, approx, scale)
    if name in ("exp", "sinh", "cosh", "sigmoid"):
        nesting += 1
    if nesting > MAX_EXP_NESTING:
        raise _fail(text, "exponentials are nested too deeply to check")
    bits = max(arg.bits for arg in args)
    bits = max(bits, 64) if not constant else bits
    value = None
    if name in _RATIONAL_FUNCTIONS and all(arg.value is not None for arg in args):
        value = Fraction(_RATIONAL_FUNCTIONS[name](*(arg.value for arg in args)))
    return _checked(text, _Cost(bits, constant, value, nesting, 1, approx, scale))


_RATIONAL_FUNCTIONS: dict[str, Any] = {  # exact on rationals: |-2|, max(1/2, 1/3) stay exact
    "abs": abs,
    "Abs": abs,
    "max": max,
    "min": min,
    "sign": lambda x: (x > 0) - (x < 0),
}


def _real_call(text: str, tree: Node, args: list[_Cost]) -> None:
    """Refuse a function of constants that has no real value: sqrt(-1), log(-2), asin(2)."""
    name, first = tree[1], args[0]
    sign = _sign(first)
    if name == "sqrt" and sign == -1:
        raise _not_real(text, tree, "the square root of a negative number")
    if name in _LOGS:
        for arg in args:
            if _sign(arg) == -1:
                raise _not_real(text, tree, "the logarithm of a negative number")
            if arg.value == 0:
                raise _undefined(text, tree, "the logarithm of 0 is minus infinity")
        if len(args) == 2 and args[1].value == 1:
            raise _undefined(text, tree, "a logarithm to base 1 divides by zero")
    outside = _beyond_one(first)
    if name in _UNIT_DOMAIN and outside == 1:
        raise _not_real(text, tree, f"{name} is real only between -1 and 1")
    if name in ("atanh", "arctanh"):
        if outside == 1:
            raise _not_real(text, tree, f"{name} is real only strictly between -1 and 1")
        if first.value is not None and abs(first.value) == 1:
            raise _undefined(text, tree, f"{name} of ±1 is infinite")


def _beyond_one(cost: _Cost) -> int | None:
    """1 when |value| > 1 for certain, 0 when |value| <= 1 for certain, None when unsure."""
    if cost.value is not None:
        return int(abs(cost.value) > 1)
    if cost.approx is not None and abs(abs(cost.approx) - 1) > 1e-9 * max(cost.scale, 1):
        return int(abs(cost.approx) > 1)
    return None


def _shown(tree: Node) -> str:
    shown = to_text(tree)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _not_real(text: str, tree: Node, reason: str) -> AnswerFormatError:
    return AnswerFormatError(
        f'"{_shown(tree)}" is not a real number ({reason}): check the signs in "{text[:60]}"'
    )


def _undefined(text: str, tree: Node, reason: str) -> AnswerFormatError:
    return AnswerFormatError(f'"{_shown(tree)}" has no value ({reason}): check "{text[:60]}"')


def _whole(text: str, name: str, arg: _Cost) -> int:
    if arg.value is None or arg.value.denominator != 1 or arg.value < 0:
        raise _fail(text, f"{name} needs whole-number arguments (0, 1, 2, …)")
    return int(arg.value)


def _combinatorial_cost(text: str, name: str, args: list[_Cost], nesting: int) -> _Cost:
    """Size factorial(n) and binomial(n, k) by log2 of their value, so log(binomial(10000, 300))
    is cheap to check while factorial(10**7) is refused before anything is computed."""
    if not all(arg.constant for arg in args):
        return _Cost(64, False, None, nesting)
    from math import comb, factorial, lgamma, log

    if name == "factorial":
        n = _whole(text, name, args[0])
        if n > MAX_FACTORIAL_ARGUMENT:
            raise _fail(text, f"factorial arguments above {MAX_FACTORIAL_ARGUMENT} are too large")
        bits = int(lgamma(n + 1) / log(2)) + 1
        exact = factorial(n) if bits <= MAX_CONSTANT_BITS else None
    else:
        n, k = _whole(text, name, args[0]), _whole(text, name, args[1])
        if n > 10**9:
            raise _fail(text, "binomial arguments above 10**9 are too large to check")
        k = min(k, n - k) if k <= n else k
        bits = 1 if k > n else int((lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)) / log(2)) + 1
        if bits > MAX_COMBINATORIAL_BITS:
            raise _fail(text, f"binomial({n}, {k}) is too large to check")
        exact = (comb(n, k) if k <= n else 0) if bits <= MAX_CONSTANT_BITS else None
    value = Fraction(exact) if exact is not None else None
    approx = _float(value) if value is not None else None
    return _Cost(bits, True, value, nesting, 1, approx, abs(approx or 0.0))


def _checked(text: str, cost: _Cost) -> _Cost:
    if cost.constant and cost.bits > MAX_CONSTANT_BITS:
        raise _fail(text, "a number in the expression is too large to check")
    if cost.terms > MAX_EXPANDED_TERMS:
        raise _fail(
            text,
            f"the expression expands to more than {MAX_EXPANDED_TERMS:,} terms: "
            "too costly to check; simplify it first",
        )
    return cost


# -- printing ----------------------------------------------------------------------------------
_PRECEDENCE = {"add": 1, "sub": 1, "mul": 2, "div": 2, "neg": 3, "pow": 4}


def to_text(tree: Node) -> str:
    """The tree as unambiguous text with explicit operators: how the input was read."""
    kind = tree[0]
    if kind == "num":
        return format_exact(tree[1])
    if kind == "sym":
        return tree[1]
    if kind == "const":
        return {"E": "e", "pi": "pi"}[tree[1]]
    if kind == "call":
        return f"{tree[1]}({', '.join(to_text(arg) for arg in tree[2])})"
    if kind == "neg":
        return f"-{_wrap(tree[1], 3)}"
    symbol = {"add": " + ", "sub": " - ", "mul": "*", "div": "/", "pow": "^"}[kind]
    prec = _PRECEDENCE[kind]
    if kind == "pow":
        return f"{_wrap(tree[1], prec + 1)}^{_wrap(tree[2], prec)}"
    right_prec = prec + 1 if kind in ("sub", "div") else prec
    return f"{_wrap(tree[1], prec)}{symbol}{_wrap(tree[2], right_prec)}"


def _wrap(tree: Node, minimum: int) -> str:
    prec = _PRECEDENCE.get(tree[0], 5)
    if tree[0] == "num" and (tree[1] < 0 or tree[1].denominator != 1):
        prec = 2 if tree[1] >= 0 else 1  # a fraction reads as a division, a negative as a sign
    text = to_text(tree)
    return f"({text})" if prec < minimum else text


def parse_expression(text: str, symbols: Iterable[str] = ()) -> ParsedExpression:
    """Parse and cost-check user text; raises AnswerFormatError with a helpful message."""
    cleaned = normalize(text)
    if len(cleaned) > MAX_LENGTH:
        raise AnswerFormatError(
            f"could not read the answer: {len(cleaned)} characters is too long "
            f"(at most {MAX_LENGTH}); simplify your expression"
        )
    parser = _Parser(cleaned, symbols)
    try:
        tree = parser.parse()
    except RecursionError:  # belt and braces: MAX_DEPTH normally stops it first
        raise _fail(cleaned, "the expression is nested too deeply") from None
    _cost(cleaned, tree)
    return ParsedExpression(tree, to_text(tree), frozenset(parser.used))


def rational_value(tree: Node) -> Fraction | None:
    """The exact value of a constant tree built only from rational arithmetic, else None."""
    cost = _cost("", tree)
    return cost.value if cost.constant else None


# -- building sympy objects (only in the checking worker or from trusted answer text) ----------
def to_sympy(tree: Node, symbols: Mapping[str, Any]) -> Any:
    import sympy

    kind = tree[0]
    if kind == "num":
        return sympy.Rational(tree[1].numerator, tree[1].denominator)
    if kind == "sym":
        return symbols[tree[1]]
    if kind == "const":
        return sympy.pi if tree[1] == "pi" else sympy.E
    if kind == "neg":
        return -to_sympy(tree[1], symbols)
    if kind == "call":
        args = [to_sympy(arg, symbols) for arg in tree[2]]
        return _FUNCTION_BUILDERS[tree[1]](sympy, *args)
    left, right = to_sympy(tree[1], symbols), to_sympy(tree[2], symbols)
    if kind == "add":
        return left + right
    if kind == "sub":
        return left - right
    if kind == "mul":
        return left * right
    if kind == "div":
        return left / right
    return left**right


_FUNCTION_BUILDERS = {
    "exp": lambda s, x: s.exp(x),
    "log": lambda s, x, base=None: s.log(x) if base is None else s.log(x, base),
    "ln": lambda s, x: s.log(x),
    "log2": lambda s, x: s.log(x, 2),
    "log10": lambda s, x: s.log(x, 10),
    "sqrt": lambda s, x: s.sqrt(x),
    "sin": lambda s, x: s.sin(x),
    "cos": lambda s, x: s.cos(x),
    "tan": lambda s, x: s.tan(x),
    "sinh": lambda s, x: s.sinh(x),
    "cosh": lambda s, x: s.cosh(x),
    "tanh": lambda s, x: s.tanh(x),
    "asin": lambda s, x: s.asin(x),
    "acos": lambda s, x: s.acos(x),
    "atan": lambda s, x: s.atan(x),
    "arcsin": lambda s, x: s.asin(x),
    "arccos": lambda s, x: s.acos(x),
    "arctan": lambda s, x: s.atan(x),
    "atanh": lambda s, x: s.atanh(x),
    "arctanh": lambda s, x: s.atanh(x),
    "sigmoid": lambda s, x: 1 / (1 + s.exp(-x)),
    "abs": lambda s, x: s.Abs(x),
    "Abs": lambda s, x: s.Abs(x),
    "factorial": lambda s, x: s.factorial(x),
    "binomial": lambda s, n, k: s.binomial(n, k),
    "max": lambda s, *args: s.Max(*args),
    "min": lambda s, *args: s.Min(*args),
    "sign": lambda s, x: s.sign(x),
}
