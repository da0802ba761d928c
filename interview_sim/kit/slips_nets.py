"""Slips as data: a family's mistake catalogue as a table, and slips worded once for all.

A ``slip(...)`` literal spends five formatted lines on one sentence and one value. Here the
sentences sit in a table (tag → explanation template, one line each) and a part passes only the
values, by tag: ``real("loss", prompt, ce, *tabled(WHY, log10=..., log2=...))``; ``each`` is the
same slip made at several places (each forgotten term); ``tabled`` itself lives in
``interview_sim.kit.slips``. A slip that several families word the
same way (the missing minus sign of an entropy or cross-entropy) is a function, written once.
Every tag still takes its credit from the one policy in ``interview_sim.kit.slips``. ``vector``
is the part builder the kit lacked: a vector answer whose slips are vectors too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from interview_sim.kit.parts import part
from interview_sim.kit.slips import slip
from interview_sim.model import AnswerKind, Mistake, Part


def each(why: Mapping[str, str], tag: str, cases: Iterable[tuple[Mapping, Any]]) -> list[Mistake]:
    """The same slip made at several places (a forgotten term, the loss of each wrong class):
    one slip per (words, value) of ``cases``, explained by ``why[tag]`` filled with its words."""
    return [slip(tag, why[tag].format(**words), value) for words, value in cases]


def missing_minus(value: Any, formula: str) -> Mistake:
    """A −Σ p·log(…) quantity (an entropy, a cross-entropy) written without its minus sign,
    which makes it negative; ``formula`` is the right one, e.g. "H = −Σ p·log2 p"."""
    return slip("missing_minus", f"the minus sign is missing: {formula} ≥ 0.", value)


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
