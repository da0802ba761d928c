"""Part builders: one line per answer box instead of a ``Part(...)`` block.

Each builder fixes the answer kind and accepts the mistakes as positional arguments (``None``
entries are skipped, so a slip that only applies to some variants reads
``slip(...) if cond else None``); every other ``Part`` field passes through by keyword.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from interview_sim.model import AnswerKind, Mistake, Part, Tolerance


def part(kind: AnswerKind, id: str, prompt: str, answer: Any, *mistakes: Mistake | None, **extra):
    return Part(
        id=id,
        prompt=prompt,
        kind=kind,
        answer=answer,
        # a slip whose value is None (see typable_slip_value) is skipped like a None slip
        mistakes=tuple(m for m in mistakes if m is not None and m.value is not None),
        **extra,
    )


def real(id: str, prompt: str, answer: Any, *mistakes: Mistake | None, **extra: Any) -> Part:
    """A real-number part (graded with the default tolerance unless ``tolerance=`` is given)."""
    return part(AnswerKind.REAL, id, prompt, answer, *mistakes, **extra)


def integer(id: str, prompt: str, answer: int, *mistakes: Mistake | None, **extra: Any) -> Part:
    return part(AnswerKind.INTEGER, id, prompt, answer, *mistakes, **extra)


def expression(id: str, prompt: str, answer: Any, *mistakes: Mistake | None, **extra: Any) -> Part:
    """A symbolic part, graded by equivalence; give ``symbols=`` (name, Domain) and a ``hint=``
    that says how to type them."""
    return part(AnswerKind.EXPRESSION, id, prompt, answer, *mistakes, **extra)


def interval(id: str, prompt: str, answer: tuple, *mistakes: Mistake | None, **extra: Any) -> Part:
    """A (low, high) interval part, typed as [a, b] or (a, b)."""
    return part(AnswerKind.INTERVAL, id, prompt, tuple(answer), *mistakes, **extra)


def shape(id: str, prompt: str, answer: tuple, *mistakes: Mistake | None, **extra: Any) -> Part:
    """A tensor-shape part, typed as (1, 32, 55, 55), 1x32x55x55 or torch.Size([...])."""
    return part(AnswerKind.SHAPE, id, prompt, tuple(answer), *mistakes, **extra)


def prompt(text: str, **values: Any) -> str:
    """A prompt written as a template, rendered with the statement's filters and macros, so a
    prompt shows a number exactly as the statement does (3.4, not 17/5)."""
    from interview_sim.render import render_text

    return render_text(text, values)


def from_rounded(error: Fraction | int | str) -> Tolerance:
    """The default tolerance widened by ``error``: the largest amount a result can move when it
    is worked step by step from the operands the solution shows rounded (a sum of four terms
    shown to 4 decimals moves by at most 4 · 0.00005). Derive ``error`` from those operands."""
    return Tolerance(slack=Fraction(error))


def half_unit(places: int) -> Fraction:
    """Half a unit in the last place of a number shown to ``places`` decimals (its rounding)."""
    return Fraction(1, 2 * 10**places)


def short_exact(value: Any, digits: int = 12, figures: int = 12) -> Any:
    """``value`` itself when it is a rational whose numerator and denominator have at most
    ``digits`` digits; otherwise its decimal to ``figures`` significant figures, as an exact
    rational. For answers such as C(200, 60)·0.1⁶⁰·0.9¹⁴⁰, whose exact fraction has hundreds of
    digits that no one can read or type back: the checker's tolerance (3 significant figures)
    is far coarser than 12, and the worked solution still shows the exact product. The checker
    reads at most 30 digits a number, so such answers should stay above about 10⁻¹⁷."""
    import sympy

    exact = sympy.sympify(value).doit()  # an unevaluated product becomes its rational
    if isinstance(exact, sympy.Rational) and max(len(str(exact.p)), len(str(exact.q))) <= digits:
        return exact
    return sympy.Rational(str(sympy.N(exact, figures)))


def typable_slip_value(value: Any) -> Any:
    """``short_exact(value)``, or None (no slip) when it is too small to be written back within
    the checker's 80-character number limit (below about 10⁻¹⁷): a slip nobody can be shown."""
    short = short_exact(value)
    return short if short == 0 or abs(short) >= Fraction(1, 10**17) else None


def vector(
    id: str, prompt: str, answer: Any, *mistakes: Mistake | None, entry: str = "", **extra: Any
) -> Part:
    """A vector part (typed [a, b, c]) whose slips are vectors too; ``entry`` names the entries
    for the input hint ("h" → "3 numbers in order: [h1, h2, h3]"), unless ``hint=`` is given."""
    if entry:
        names = ", ".join(f"{entry}{i}" for i in range(1, len(answer) + 1))
        extra.setdefault("hint", f"{len(answer)} numbers in order: [{names}]")
    mistakes = tuple(
        replace(m, value=tuple(m.value)) for m in mistakes if m is not None and m.value is not None
    )
    return part(AnswerKind.VECTOR, id, prompt, tuple(answer), *mistakes, **extra)
