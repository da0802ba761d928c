"""The standard mistake tags and the one credit policy every family follows.

A slip that shows the right method with one wrong detail earns half credit: a log in the wrong
base (the formula and the numbers were right; only the unit is off) and a result worked from
rounded operands. Every other catalogued slip earns nothing. The same tag means the same slip in
every family, so statistics and feedback can be compared across families; a test checks that
every variant of every family applies this policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from interview_sim.model import Mistake

HALF = Fraction(1, 2)

#: wrong log base: the value in another base (log10 = hartleys, log2 = bits, natural = nats)
WRONG_BASE = ("log10", "log2", "natural_log", "nats", "bits_not_nats")
#: the standard tags and their credit; tags not listed here earn 0
CREDIT: dict[str, Fraction] = {
    **dict.fromkeys(WRONG_BASE, HALF),
    "rounded_coefficients": HALF,
    "sign": Fraction(0),
    "missing_minus": Fraction(0),
    "inverted": Fraction(0),
    "complement": Fraction(0),
    "no_floor": Fraction(0),
    "padding_once": Fraction(0),
    "stride_ignored": Fraction(0),
    "channels_not_updated": Fraction(0),
}

BASE_TAG = {10: "log10", 2: "log2", None: "natural_log"}
BASE_NAME = {10: "log10", 2: "log2", None: "ln"}


def slip(tag: str, why: str, value: Any, credit: Fraction | None = None) -> Mistake:
    """A catalogued mistake (arguments in ``Mistake``'s order); a standard tag always takes the
    policy's credit."""
    if tag in CREDIT:
        if credit is not None and credit != CREDIT[tag]:
            raise ValueError(f"{tag!r} earns {CREDIT[tag]} by the credit policy, not {credit}")
        credit = CREDIT[tag]
    return Mistake(tag, why, value, Fraction(0) if credit is None else Fraction(credit))


def wrong_bases(value_in: Any, right: int | None, what: str) -> tuple[Mistake, ...]:
    """The other two of log2 / ln / log10 applied to the same computation.

    ``value_in(base)`` computes the quantity with logs in ``base`` (None: natural log); ``what``
    names the quantity in the explanation ("the log-odds")."""
    return tuple(
        slip(
            BASE_TAG[base],
            f"that uses {BASE_NAME[base]}; {what} uses {BASE_NAME[right]}.",
            value_in(base),
        )
        for base in (10, 2, None)
        if base != right
    )


def tabled(why: Mapping[str, str], words: Mapping[str, Any] | None = None, **values: Any) -> list:
    """A family's own slips as data: one mistake per ``tag=value``, in the order given (the order
    of matching), explained by ``why[tag]`` with its ``{placeholders}`` filled from ``words``.

    A value of None leaves that slip out of this variant (its words may not exist either); a tag
    without an explanation, or a missing word, raises, so a half-written explanation never reaches
    a candidate. Credit follows ``CREDIT`` (0 for a family's own tag)."""
    return [
        slip(tag, why[tag].format(**(words or {})), value)
        for tag, value in values.items()
        if value is not None
    ]


def each(why: Mapping[str, str], tag: str, cases: Iterable[tuple[Mapping, Any]]) -> list[Mistake]:
    """The same slip made at several places (a forgotten term, the loss of each wrong class):
    one slip per (words, value) of ``cases``, explained by ``why[tag]`` filled with its words."""
    return [slip(tag, why[tag].format(**words), value) for words, value in cases]


def missing_minus(value: Any, formula: str) -> Mistake:
    """A −Σ p·log(…) quantity (an entropy, a cross-entropy) written without its minus sign,
    which makes it negative; ``formula`` is the right one, e.g. "H = −Σ p·log2 p"."""
    return slip("missing_minus", f"the minus sign is missing: {formula} ≥ 0.", value)
