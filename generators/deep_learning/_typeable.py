"""Exact vector entries that the answer checker can read back.

Workaround for a limitation of the core's vector reader (``interview_sim.answers.check``): it splits
a typed vector on commas *and on whitespace*, so an exact entry printed by sympy with spaces
(``exp(1/2)/(exp(-1) + exp(1/2))``) falls apart into pieces. Softmax and sigmoid entries are exact
sums of exponentials, so their default text always has spaces. ``typeable`` wraps such an entry in a
thin sympy node that evaluates exactly like the wrapped expression but prints without spaces, so
the vector's exact answer text stays valid input. Rationals are returned unchanged.
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy.core.evalf import prec_to_dps


class Typeable(sympy.Expr):
    """An exact expression that prints without spaces (value, hashing and evalf unchanged)."""

    def __new__(cls, expr: Any) -> sympy.Expr:
        return sympy.Expr.__new__(cls, sympy.sympify(expr))

    @property
    def exact(self) -> sympy.Expr:
        return self.args[0]

    def _sympystr(self, printer: Any) -> str:
        return printer.doprint(self.args[0]).replace(" ", "")

    def _eval_evalf(self, prec: int) -> sympy.Expr:
        return self.args[0].evalf(prec_to_dps(prec))


def typeable(value: Any) -> sympy.Expr:
    """``value`` as a vector entry: rationals as they are, other expressions wrapped."""
    value = sympy.sympify(value)
    return value if isinstance(value, sympy.Rational) else Typeable(value)


def typeable_vector(values: Any) -> tuple[sympy.Expr, ...]:
    return tuple(typeable(value) for value in values)
