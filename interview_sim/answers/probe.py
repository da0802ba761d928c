"""Numeric evidence that two expressions are (or are not) the same function, with error bounds.

Runs inside the checking worker. Each expression is evaluated with mpmath interval arithmetic
(``mpmath.iv``) at raised precision, so a result carries a proof of how many digits are right:
``2/3 + log(1 + exp(-1000))*exp(1000)`` comes out as an interval hundreds of orders wide at 40
digits, where plain floating point (or sympy's ``N``) confidently says 2/3. Points are random
30-digit decimals spread over each symbol's whole declared domain, small and large magnitudes
(near 0 and 1 for probabilities), plus the values the statement uses; a junk term that vanishes on
a rational grid (``sin(1000*pi*x)``) is visible there.

A point is *equal* when the difference lies inside a window far below the precision of either
value, *different* when the difference interval excludes 0 (a proof, whatever its size), and
*unreliable* otherwise; an unreliable point is tried again at higher precision and then given up.
Functions without an interval version (asin, acos, atan) fall back to plain mpmath at two
precisions, where disagreement between the precisions counts as unreliable.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import Any

PRECISIONS = (40, 120)  # decimal digits: a retry at 120 when 40 cannot decide a point
LOST_DIGITS = 12  # a point is "equal" when the difference is below 10^-(dps-12) of the scale
POINTS = 12  # two per magnitude 1e-3..1e2 for reals (one of each sign)
NEEDED = 8  # reliable equal points (and none different) before two expressions count as equal
DIGITS = 30  # random digits per probe value: no rational grid of a junk term contains it


class NotReal(ArithmeticError):
    """The expression has no finite real value at this point."""


class Unreliable(ArithmeticError):
    """The value at this point cannot be pinned down at this precision."""


class Unsupported(ArithmeticError):
    """A function without an interval version: use the plain mpmath fallback."""


# -- points --------------------------------------------------------------------------------------
def _digits(rng: random.Random) -> str:
    return str(rng.randrange(10 ** (DIGITS - 1), 10**DIGITS))


def _magnitude(rng: random.Random, exponent: int) -> str:
    digits = _digits(rng)
    return f"{digits[0]}.{digits[1:]}e{exponent}"


def sample(rng: random.Random, domain: str, stratum: int) -> str:
    """One probe value inside a domain, as a decimal string with random digits. The stratum
    picks the region, so every set of POINTS points covers the domain: magnitudes 1e-3..1e2
    (both signs for reals); for the unit interval uniform, near 0 and near 1 in turn."""
    if domain == "unit":
        style, exponent = stratum % 3, -6 + (stratum // 3) % 5
        if style == 0:
            return "0." + _digits(rng)
        tiny = _magnitude(rng, exponent)
        if style == 1:
            return tiny
        with localcontext() as context:
            context.prec = 2 * DIGITS
            return str(1 - Decimal(tiny))
    if domain == "real":
        value = _magnitude(rng, -3 + (stratum // 2) % 6)
        return "-" + value if stratum % 2 else value
    return _magnitude(rng, -3 + stratum % 6)


def points(
    spec: list[tuple[str, str]], seed: int, fixed: list[tuple[str, str]] = ()
) -> list[dict[str, str]]:
    """Random points over the declared domains, then one point per statement value (the other
    symbols random) and one with every statement value at once."""
    rng = random.Random(seed)
    names = [name for name, _ in spec]
    result = [
        {
            name: sample(rng, domain, (i + shift) % POINTS)
            for shift, (name, domain) in enumerate(spec)
        }
        for i in range(POINTS)
    ]
    usable = [(name, value) for name, value in fixed if name in names]
    for name, value in usable:
        point = {other: sample(rng, domain, rng.randrange(POINTS)) for other, domain in spec}
        point[name] = value
        result.append(point)
    if len(usable) > 1:
        point = {other: sample(rng, domain, rng.randrange(POINTS)) for other, domain in spec}
        point.update(dict(usable))
        result.append(point)
    return result


# -- evaluation ----------------------------------------------------------------------------------
def evaluate(expr: Any, values: dict[Any, Any], ctx: Any) -> Any:
    """The value of a sympy expression in an mpmath context (``mpmath.iv`` or ``mpmath.mp``)."""
    import sympy

    if expr.is_Symbol:
        return values[expr]
    if expr.is_Number or expr is sympy.pi or expr is sympy.E:
        if expr.is_finite:
            return _constant(expr, ctx, ctx.prec)
    if expr.is_Atom:
        if expr in (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I):
            raise NotReal("undefined, infinite or complex")
        raise Unsupported(str(expr))
    args = [evaluate(arg, values, ctx) for arg in expr.args]
    if expr.is_Add:
        total = args[0]
        for arg in args[1:]:
            total = total + arg
        return total
    if expr.is_Mul:
        product = args[0]
        for arg in args[1:]:
            product = product * arg
        return product
    if expr.is_Pow:
        return _power(args[0], expr.args[1], args[1], ctx)
    name = type(expr).__name__
    function = _FUNCTIONS.get(name)
    if function is None:
        raise Unsupported(name)
    return function(ctx, *args)


@contextmanager
def _digits_of(ctx: Any, dps: int) -> Iterator[None]:
    """Work at ``dps`` decimal digits (``mpmath.iv`` has no ``workdps``)."""
    saved = ctx.dps
    ctx.dps = dps
    try:
        yield
    finally:
        ctx.dps = saved


@lru_cache(maxsize=1024)
def _constant(expr: Any, ctx: Any, precision: int) -> Any:
    """A number at the context's current precision (the same constants recur at every point)."""
    import sympy

    if expr.is_Integer:
        return ctx.mpf(int(expr))
    if expr.is_Rational:
        return ctx.mpf(int(expr.p)) / ctx.mpf(int(expr.q))
    if expr.is_Float:
        return ctx.mpf(str(expr))
    return ctx.pi + 0 if expr is sympy.pi else ctx.e + 0


def _iv() -> Any:
    import mpmath

    return mpmath.iv


def _is_interval(ctx: Any) -> bool:
    return ctx is _iv()


def _bounds(ctx: Any, x: Any) -> tuple[Any, Any]:
    if _is_interval(ctx):
        return x.a, x.b
    if isinstance(x, complex) or getattr(x, "imag", 0):
        raise NotReal("complex value")
    return x, x


def _positive(ctx: Any, x: Any, what: str, strict: bool = True) -> None:
    low, high = _bounds(ctx, x)
    if high < 0 or (strict and high == 0):
        raise NotReal(what)
    if low < 0 or (strict and low == 0):
        raise Unreliable(what)


def _power(base: Any, exponent_expr: Any, exponent: Any, ctx: Any) -> Any:
    if exponent_expr.is_Integer:
        if exponent_expr < 0:
            low, high = _bounds(ctx, base)
            if low <= 0 <= high:
                if low == high == 0:
                    raise NotReal("division by zero")
                raise Unreliable("division by a value near zero")
        return base ** int(exponent_expr)
    if exponent_expr.is_Rational and exponent_expr.q % 2 == 1:  # odd root of any real
        low, high = _bounds(ctx, base)
        if low >= 0:
            return _root(ctx, base, exponent_expr)
        if high <= 0:
            return -_root(ctx, -base, exponent_expr)
        raise Unreliable("odd root of a value near zero")
    _positive(ctx, base, "a power of a negative number", strict=False)
    if exponent_expr.is_Rational and exponent_expr > 0:
        return _root(ctx, base, exponent_expr)
    _positive(ctx, base, "a power of zero")
    return ctx.exp(exponent * ctx.log(base))


def _root(ctx: Any, base: Any, exponent: Any) -> Any:
    """base^(p/q) for base >= 0."""
    p, q = int(exponent.p), int(exponent.q)
    if q == 2:
        root = ctx.sqrt(base)
    else:
        low, _ = _bounds(ctx, base)
        if low == 0:
            raise Unreliable("a root of a value near zero")
        root = ctx.exp(ctx.log(base) / q)
    if p < 0:
        low, _ = _bounds(ctx, root)
        if low <= 0:
            raise Unreliable("division by a value near zero")
    return root**p


def _log(ctx: Any, x: Any) -> Any:
    _positive(ctx, x, "a logarithm of a number that is not positive")
    return ctx.log(x)


def _abs(ctx: Any, x: Any) -> Any:
    return abs(x)


def _extreme(pick: Callable[..., Any]) -> Callable[..., Any]:
    def apply(ctx: Any, *args: Any) -> Any:
        if _is_interval(ctx):
            return ctx.mpf([pick(a.a for a in args), pick(a.b for a in args)])
        return pick(args)

    return apply


def _sign(ctx: Any, x: Any) -> Any:
    low, high = _bounds(ctx, x)
    if low > 0:
        return ctx.mpf(1)
    if high < 0:
        return ctx.mpf(-1)
    if low == high == 0:
        return ctx.mpf(0)
    raise Unreliable("the sign of a value near zero")


def _factorial(ctx: Any, x: Any) -> Any:
    _positive(ctx, x + 1, "a factorial of a negative number")
    return ctx.gamma(x + 1)


def _plain(name: str) -> Callable[..., Any]:
    def apply(ctx: Any, *args: Any) -> Any:
        if _is_interval(ctx):
            raise Unsupported(name)
        value = getattr(ctx, name)(*args)
        if getattr(value, "imag", 0):
            raise NotReal(f"{name} outside its real domain")
        return value

    return apply


def _direct(name: str) -> Callable[..., Any]:
    return lambda ctx, *args: getattr(ctx, name)(*args)


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "exp": _direct("exp"),
    "log": _log,
    "sin": _direct("sin"),
    "cos": _direct("cos"),
    "tan": _direct("tan"),
    "Abs": _abs,
    "Max": _extreme(max),
    "Min": _extreme(min),
    "sign": _sign,
    "factorial": _factorial,
    "gamma": lambda ctx, x: ctx.gamma(x),
    "sinh": lambda ctx, x: (ctx.exp(x) - ctx.exp(-x)) / 2,
    "cosh": lambda ctx, x: (ctx.exp(x) + ctx.exp(-x)) / 2,
    "tanh": lambda ctx, x: 1 - 2 / (ctx.exp(2 * x) + 1),
    "asin": _plain("asin"),
    "acos": _plain("acos"),
    "atan": _plain("atan"),
    "atanh": _plain("atanh"),
    "binomial": _plain("binomial"),
}


# -- verdicts at one point -----------------------------------------------------------------------
EQUAL, DIFFERENT = "equal", "different"
_TEN = 10.0  # scale and window are orders of magnitude: floats (with their exponent) suffice


def compare_at(first: Any, second: Any, point: dict[Any, str]) -> str:
    """EQUAL or DIFFERENT at one point; raises NotReal (from ``first`` or ``second``, checked in
    that order by the caller) or Unreliable when no precision can decide."""
    import mpmath

    for dps in PRECISIONS:
        try:
            return _compare_interval(first, second, point, dps)
        except Unreliable:
            continue
        except Unsupported:
            break
    else:
        raise Unreliable("cancellation beyond the checker's precision")
    return _compare_plain(first, second, point, mpmath.mp)


def _compare_interval(first: Any, second: Any, point: dict[Any, str], dps: int) -> str:
    iv = _iv()
    with _digits_of(iv, dps):
        values = {symbol: _point_value(text, dps) for symbol, text in point.items()}
        a = evaluate(first, values, iv)
        b = evaluate(second, values, iv)
        difference = a - b
        if difference.a > 0 or difference.b < 0:
            return DIFFERENT
        scale = max(abs(a.a), abs(a.b), abs(b.a), abs(b.b), _TEN ** (-dps // 2))
        if difference.b - difference.a <= scale * _TEN ** (LOST_DIGITS - dps):
            return EQUAL
        raise Unreliable("not enough correct digits")


@lru_cache(maxsize=4096)
def _point_value(text: str, dps: int) -> Any:
    """A probe value as an interval at ``dps`` digits (the caller has set that precision)."""
    return _iv().mpf(text)


def _compare_plain(first: Any, second: Any, point: dict[Any, str], mp: Any) -> str:
    results = []
    for dps in PRECISIONS:
        with _digits_of(mp, dps):
            values = {symbol: mp.mpf(text) for symbol, text in point.items()}
            a, b = evaluate(first, values, mp), evaluate(second, values, mp)
            scale = max(abs(a), abs(b), mp.mpf(10) ** (-dps // 2))
            results.append((a - b) / scale)
    coarse, fine = results
    if abs(fine) <= 10.0 ** (LOST_DIGITS - PRECISIONS[0]) and abs(coarse) <= 10.0 ** (
        LOST_DIGITS - PRECISIONS[0]
    ):
        return EQUAL
    if abs(coarse - fine) <= abs(fine) * 1e-6:
        return DIFFERENT
    raise Unreliable("the value changes with the precision")


def real_value(expr: Any) -> float:
    """A constant's value as a float, with a proof that its leading digits are right."""
    for dps in PRECISIONS:
        try:
            return _interval_float(expr, dps)
        except Unreliable:
            continue
        except Unsupported:
            return _plain_float(expr)
    raise Unreliable("cancellation beyond the checker's precision")


def _interval_float(expr: Any, dps: int) -> float:
    iv = _iv()
    with _digits_of(iv, dps):
        value = evaluate(expr, {}, iv)
        width = (value.b - value.a).b
        if width > abs(value.mid).a * iv.mpf(10) ** -20 and width > iv.mpf(10) ** (-dps + 5):
            raise Unreliable("not enough correct digits")
        return float(value.mid.a)


def _plain_float(expr: Any) -> float:
    import mpmath

    values = []
    for dps in PRECISIONS:
        with _digits_of(mpmath.mp, dps):
            values.append(evaluate(expr, {}, mpmath.mp))
    coarse, fine = values
    if abs(coarse - fine) > abs(fine) * 1e-20 + mpmath.mpf(10) ** -30:
        raise Unreliable("the value changes with the precision")
    return float(fine)


def equal_everywhere(
    first: Any,
    second: Any,
    probe: list[dict[Any, str]],
    deadline: float,
    on_not_real: Callable[[dict[Any, str]], None] | None = None,
) -> bool | None:
    """True when ``first`` and ``second`` agree at enough reliable points and differ at none;
    False at the first reliable difference; None when the evidence is too thin (or time ran
    out). ``on_not_real`` is told about points where ``first`` has no real value while
    ``second`` does (the caller turns that into an invalid answer)."""
    reliable = 0
    for point in probe:
        if time.monotonic() > deadline:
            return None
        try:
            result = compare_at(first, second, point)
        except NotReal:
            if on_not_real is not None and _defined(second, point):
                on_not_real(point)
            continue
        except (Unreliable, Unsupported, ZeroDivisionError, OverflowError, ValueError):
            continue
        if result == DIFFERENT:
            return False
        reliable += 1
    return True if reliable >= min(NEEDED, len(probe)) else None


def _defined(expr: Any, point: dict[Any, str]) -> bool:
    try:
        _compare_interval(expr, expr, point, PRECISIONS[-1])
    except NotReal:
        return False
    except (Unreliable, Unsupported, ArithmeticError, ValueError):
        return True
    return True
