"""Which cards exist: one per registered family, and one per concept item once those register.

The card source is this one function so that new kinds of reviewable item (the concept bank) are
added in one place: anything with an ``id``, a ``chapter`` and a ``title`` that ``registry.get``
can turn into a variant is a card.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CardInfo:
    id: str  # the family (or concept item) id; a review draws a fresh variant of it
    chapter: str
    title: str


def all_cards() -> list[CardInfo]:
    """Every card: one per numeric family and one per concept item, in the registry's order."""
    from interview_sim.registry import all_families

    return [CardInfo(f.id, f.chapter, f.title) for f in all_families(kind=None)]
