"""Decimal values of exact answers that are right to the digits asked for.

sympy's ``evalf`` works at one working precision and trusts it: ln(1 + e⁻⁵⁰) is about 1.9 × 10⁻²²,
but at 15 digits the argument rounds to 1 and the result comes out exactly 0. Shown to a candidate
that is a dishonest "≈ 0", and a tolerance built around 0 would accept a wrong 0. Evaluating at
rising precision until two results agree gives the digits asked for; the precision is capped, so a
pathological value (or a hostile transcript) costs bounded time.
"""

from __future__ import annotations

from typing import Any

import sympy

MAX_DIGITS = 1280  # working precision cap: ≈ 5 ms for a nested expression, not minutes


def evaluate(value: Any, digits: int) -> sympy.Float:
    """``value`` as a sympy Float correct to ``digits`` significant figures; best effort at the cap.

    Rationals and Floats are evaluated once (their digits are exact); anything else is evaluated at
    doubling precision until two evaluations agree. A value that is zero at every precision tried
    is 0; one that keeps shrinking with the precision (noise around a true zero) is 0 too.
    """
    exact = sympy.sympify(value)
    if exact.is_Rational or exact.is_Float:
        return exact.evalf(digits)  # a 10⁶-digit integer is never printed in base 10
    precision = digits + 10
    previous = sympy.N(exact, precision)
    while precision < MAX_DIGITS:
        precision = min(2 * precision, MAX_DIGITS)
        current = sympy.N(exact, precision)
        if _agree(previous, current, digits):
            return current
        previous = current
    if (
        previous.is_number
        and previous.is_real
        and abs(previous) < sympy.Float(10) ** -(MAX_DIGITS // 2)
    ):
        return sympy.Float(0)
    return previous


def _agree(previous: sympy.Basic, current: sympy.Basic, digits: int) -> bool:
    if previous.is_zero or current.is_zero:  # 0 at one precision and not the next: keep looking
        return False
    tolerance = sympy.Float(10, digits + 5) ** -(digits + 1)
    return bool(abs(previous - current) <= tolerance * abs(current))
