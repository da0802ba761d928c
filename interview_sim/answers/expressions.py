"""A whitelist parser for typed math expressions; user text is never given to eval or sympify.

The text is tokenised and parsed by hand into a tiny tree of tuples. Only the part's declared
symbols, the constants ``pi`` and ``e`` and a fixed list of functions exist; ``^`` and ``**`` are
powers; ``2x``, ``x y`` and ``2(x+1)`` are products. Before anything is built with sympy, a static
cost pass bounds the tree (length, depth, node count, literal size, exponent towers, factorial
arguments), so ``9**9**9`` or ``factorial(10**7)`` are refused in microseconds instead of hanging a
worker. Building the sympy object (``to_sympy``) happens in the checking worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.numbers import MAX_EXPONENT, format_exact, normalize

MAX_LENGTH = 300
MAX_DEPTH = 40
MAX_NODES = 250
MAX_LITERAL_DIGITS = 30
MAX_CONSTANT_BITS = 4096  # exact constants larger than about 10**1233 are refused
MAX_SYMBOLIC_EXPONENT = 64  # (x + 1)^64 still expands in milliseconds
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
    "atanh": (1,),
    "arctanh": (1,),
    "sigmoid": (1,),
    "abs": (1,),
    "Abs": (1,),
    "factorial": (1,),
    "binomial": (2,),
}
CONSTANTS = {"pi": "pi", "e": "E", "E": "E"}
GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "η": "eta",
    "θ": "theta",
    "λ": "lambda",
    "μ": "mu",
    "σ": "sigma",
    "π": "pi",
}

Node = tuple  # ("num", Fraction) | ("sym", name) | ("const", name) | ("neg", a) | (op, a, b)
#               | ("call", name, args); op in add, sub, mul, div, pow

_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z_]))?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\*\*|[-+*/^(),]))"
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
    for greek, name in GREEK.items():
        text = text.replace(greek, f" {name} ")
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


class _Parser:
    def __init__(self, text: str, symbols: Iterable[str]) -> None:
        self.text = text.strip()
        self.symbols = frozenset(symbols)
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0
        self.nodes = 0
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
        token = self.token
        return token.kind in ("num", "name") or (token.kind == "op" and token.text == "(")

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
            inner = self.sum()
            self.expect(")", "to close a parenthesis")
            return inner
        if token.kind == "end":
            previous = self.tokens[self.index - 1].text if self.index else ""
            raise _fail(self.text, f'expected an expression after "{previous}"')
        raise _fail(self.text, f'unexpected "{token.text}"')

    def name(self, name: str) -> Node:
        if name in self.symbols:
            self.used.add(name)
            return self.node("sym", name)
        if name in FUNCTIONS:
            return self.call(name)
        if name in CONSTANTS:
            return self.node("const", CONSTANTS[name])
        pieces = _split_name(name, self.symbols)
        if pieces is None:
            symbols = f"the symbols ({', '.join(sorted(self.symbols))}), " if self.symbols else ""
            raise _fail(
                self.text,
                f'unknown name "{name}": use {symbols}the constants pi and e, '
                f"or the functions {', '.join(sorted(set(FUNCTIONS) - {'Abs'}))}",
            )
        tree: Node | None = None
        for piece in pieces:
            leaf = self.name(piece)
            tree = leaf if tree is None else self.node("mul", tree, leaf)
        assert tree is not None
        return tree

    def call(self, name: str) -> Node:
        if not (self.token.kind == "op" and self.token.text == "("):
            raise _fail(self.text, f'the function "{name}" needs parentheses, e.g. {name}(x)')
        self.advance()
        args = [self.sum()]
        while self.token.kind == "op" and self.token.text == ",":
            self.advance()
            args.append(self.sum())
        self.expect(")", f"to close {name}(")
        if len(args) not in FUNCTIONS[name]:
            counts = " or ".join(str(n) for n in FUNCTIONS[name])
            raise _fail(self.text, f'"{name}" takes {counts} argument(s), got {len(args)}')
        return self.node("call", name, tuple(args))


def _literal(text: str, literal: str) -> Fraction:
    mantissa, _, exponent = literal.lower().partition("e")
    if len(mantissa.replace(".", "")) > MAX_LITERAL_DIGITS:
        raise _fail(text, f"the number {literal[:20]}… has more than {MAX_LITERAL_DIGITS} digits")
    if exponent and abs(int(exponent)) > MAX_EXPONENT:
        raise _fail(text, f"the exponent in {literal} is out of range")
    return Fraction(literal)


def _split_name(name: str, symbols: frozenset[str]) -> list[str] | None:
    """Read an undeclared run of letters as a product of declared names ('xy' -> x*y)."""
    known = sorted(symbols | {"pi", "e"}, key=len, reverse=True)
    if not name.isalpha():
        return None

    def split(rest: str) -> list[str] | None:
        if not rest:
            return []
        for candidate in known:
            if rest.startswith(candidate):
                tail = split(rest[len(candidate) :])
                if tail is not None:
                    return [candidate, *tail]
        return None

    pieces = split(name)
    return pieces if pieces and len(pieces) > 1 else None


# -- static cost pass --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Cost:
    bits: int  # upper bound on the size of an exact constant value (64 for anything symbolic)
    constant: bool
    value: Fraction | None  # the exact value when it is a cheap rational
    exp_nesting: int


def _bits(value: Fraction) -> int:
    return max(abs(value.numerator).bit_length(), value.denominator.bit_length(), 1)


def _cost(text: str, tree: Node) -> _Cost:
    kind = tree[0]
    if kind == "num":
        return _Cost(_bits(tree[1]), True, tree[1], 0)
    if kind == "sym":
        return _Cost(64, False, None, 0)
    if kind == "const":
        return _Cost(2, True, None, 0)
    if kind == "neg":
        inner = _cost(text, tree[1])
        value = -inner.value if inner.value is not None else None
        return _Cost(inner.bits, inner.constant, value, inner.exp_nesting)
    if kind == "call":
        return _call_cost(text, tree[1], [_cost(text, arg) for arg in tree[2]])
    left, right = _cost(text, tree[1]), _cost(text, tree[2])
    constant = left.constant and right.constant
    nesting = max(left.exp_nesting, right.exp_nesting)
    if kind == "pow":
        return _pow_cost(text, left, right)
    bits = max(left.bits, right.bits) + 1 if kind in ("add", "sub") else left.bits + right.bits
    value = None
    if left.value is not None and right.value is not None:
        if kind == "add":
            value = left.value + right.value
        elif kind == "sub":
            value = left.value - right.value
        elif kind == "mul":
            value = left.value * right.value
        elif right.value != 0:
            value = left.value / right.value
    return _checked(text, _Cost(bits, constant, value, nesting))


def _pow_cost(text: str, base: _Cost, exponent: _Cost) -> _Cost:
    nesting = max(base.exp_nesting, exponent.exp_nesting)
    if not exponent.constant:
        return _checked(text, _Cost(64, False, None, nesting + 1))
    if exponent.value is None:  # e.g. 2^pi: irrational but bounded by the exponent's size
        if exponent.bits > 16:
            raise _fail(text, "an exponent is too large to check")
        return _checked(text, _Cost(base.bits * 2**exponent.bits, base.constant, None, nesting))
    power = exponent.value
    # a decimal exponent such as e^4.8792 (= 6099/1250) is fine: what costs is its size
    if abs(power) > MAX_EXPONENT * 8 or power.denominator > 10**6:
        raise _fail(text, f"the exponent {format_exact(power)} is too large to check")
    if not base.constant and abs(power) > MAX_SYMBOLIC_EXPONENT:
        raise _fail(text, f"powers of a symbolic expression are limited to {MAX_SYMBOLIC_EXPONENT}")
    bits = base.bits * max(-(-abs(power.numerator) // power.denominator), 1)
    value = None
    if base.value is not None and power.denominator == 1 and bits <= MAX_CONSTANT_BITS:
        if base.value != 0 or power >= 0:
            value = base.value ** int(power)
    return _checked(text, _Cost(bits, base.constant, value, nesting))


def _call_cost(text: str, name: str, args: list[_Cost]) -> _Cost:
    constant = all(arg.constant for arg in args)
    nesting = max(arg.exp_nesting for arg in args)
    if name in ("factorial", "binomial"):
        return _combinatorial_cost(text, name, args, nesting)
    if name in _LOGS and constant:  # the log of a b-bit number is about b*ln 2: a small value
        bits = max(arg.bits for arg in args)
        return _Cost(max(bits.bit_length() + 1, 2), True, None, nesting)
    if name in ("exp", "sinh", "cosh", "sigmoid"):
        nesting += 1
    if nesting > MAX_EXP_NESTING:
        raise _fail(text, "exponentials are nested too deeply to check")
    bits = max(arg.bits for arg in args)
    return _checked(text, _Cost(max(bits, 64) if not constant else bits, constant, None, nesting))


_LOGS = ("log", "ln", "log2", "log10")


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
    return _Cost(bits, True, Fraction(exact) if exact is not None else None, nesting)


def _checked(text: str, cost: _Cost) -> _Cost:
    if cost.constant and cost.bits > MAX_CONSTANT_BITS:
        raise _fail(text, "a number in the expression is too large to check")
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
    "atanh": lambda s, x: s.atanh(x),
    "arctanh": lambda s, x: s.atanh(x),
    "sigmoid": lambda s, x: 1 / (1 + s.exp(-x)),
    "abs": lambda s, x: s.Abs(x),
    "Abs": lambda s, x: s.Abs(x),
    "factorial": lambda s, x: s.factorial(x),
    "binomial": lambda s, n, k: s.binomial(n, k),
}
