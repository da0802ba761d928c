"""Feedback in a tutor's words: one sentence per verdict, and which entries of a shape or vector
are right.

A verdict only says "right" or "not right"; a candidate who wrote (1, 32, 54, 54) for
(1, 32, 55, 55) learns more from "the batch and channel dimensions are right; height and width
are one short: the + 1 of the output-size formula?" Everything here is pure (no sympy, no UI): it
reads the verdict's JSON and our own canonical ``read_as``/``expected`` texts, never user text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def credit_text(credit: float) -> str:
    """'half credit', 'a third of the credit', '70% of the credit'; empty when there is none."""
    if credit <= 0:
        return ""
    named = {Fraction(1, 2): "half credit", Fraction(1, 3): "a third of the credit"}
    fraction = Fraction(credit).limit_denominator(100)
    return named.get(fraction, f"{credit:.0%} of the credit")


def tutor_message(verdict: Mapping[str, Any]) -> str:
    """The one sentence shown for a verdict: its explanation once, no internal tag.

    A recognised slip reads "A common slip: <why>", with the credit only when it is more than
    zero, so a rule that promises partial credit is never contradicted by "0% of the credit".
    """
    status = verdict.get("verdict", "")
    if status == "mistake":
        why = (verdict.get("explanation") or "").strip().rstrip(".")
        credit = credit_text(float(verdict.get("credit") or 0))
        text = f"A common slip: {why}" if why else "Not quite"
        return f"{text} — {credit}." if credit else f"{text}."
    return str(verdict.get("message", ""))


def numbers_in(text: str) -> list[float]:
    """The numbers of a canonical rendering such as '(1, 32, 55, 55)' or '[0.25, 1/4]'."""
    values = []
    for token in re.split(r"[,;\s×x()\[\]]+", text or ""):
        if not token:
            continue
        if "/" in token:
            top, _, bottom = token.partition("/")
            if not (_NUMBER.fullmatch(top) and _NUMBER.fullmatch(bottom)) or float(bottom) == 0:
                return []
            values.append(float(top) / float(bottom))
        elif _NUMBER.fullmatch(token):
            values.append(float(token))
        else:
            return []  # a symbolic entry (ln 2): no per-entry comparison
    return values


def close_3sf(truth: float, value: float) -> bool:
    """Correct to 3 significant figures, the default rule for decimal answers."""
    if truth == 0:
        return abs(value) < 5e-4
    return abs(value - truth) <= 0.5 * 10 ** (math.floor(math.log10(abs(truth))) - 2)


def _places(indexes: Sequence[int], names: Sequence[str]) -> str:
    words = [names[i] if i < len(names) else f"entry {i + 1}" for i in indexes]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


SHAPE_NAMES_4 = ("the batch size", "the channels", "the height", "the width")
SHAPE_NAMES_3 = ("the channels", "the height", "the width")


def shape_feedback(expected: Sequence[int], given: Sequence[int]) -> str:
    """Which dimensions of a tensor shape are right, and the slip that most likely explains it."""
    expected, given = [int(x) for x in expected], [int(x) for x in given]
    if len(given) != len(expected):
        hint = ""
        if len(given) == len(expected) - 1 and given == expected[1:]:
            hint = ": the batch dimension is missing"
        elif len(given) == len(expected) + 1 and given[1:] == expected:
            hint = ": this tensor has no batch dimension"
        return f"The answer has {len(expected)} dimensions; you gave {len(given)}{hint}."
    if given == expected:
        return ""
    if sorted(given) == sorted(expected):
        return "The right sizes in the wrong order: PyTorch orders a batch as (N, C, H, W)."
    names = SHAPE_NAMES_4 if len(expected) == 4 else SHAPE_NAMES_3 if len(expected) == 3 else ()
    right = [i for i, (e, g) in enumerate(zip(expected, given, strict=True)) if e == g]
    wrong = [i for i in range(len(expected)) if i not in right]
    text = (
        f"{_places(right, names).capitalize()} {'is' if len(right) == 1 else 'are'} right; "
        if right
        else "No dimension is right; "
    )
    text += f"{_places(wrong, names)} {'is' if len(wrong) == 1 else 'are'} not"
    return text + _shape_slip(expected, given, wrong, names) + "."


def _shape_slip(
    expected: Sequence[int], given: Sequence[int], wrong: Sequence[int], names: Sequence[str]
) -> str:
    """The likely slip behind the wrong spatial dimensions, when they all miss by the same."""
    spatial = names[-2:] if names else ()
    offsets = {given[i] - expected[i] for i in wrong}
    if len(offsets) != 1 or not spatial or any(i < len(names) - 2 for i in wrong):
        return ""
    offset = offsets.pop()
    if offset in (-1, 1):
        return f" (off by {offset:+d}: the + 1 of ⌊(n + 2p − k)/s⌋ + 1?)"
    if offset < 0 and offset % 2 == 0:
        return f" ({-offset} short: was the padding of {-offset // 2} on each side left out?)"
    if offset > 0 and offset % 2 == 0:
        return f" ({offset} too many: padding counted where the layer has none?)"
    return ""


def vector_feedback(expected: Sequence[float], given: Sequence[float]) -> str:
    """Which entries of a vector are right (to 3 significant figures) and a likely slip."""
    if len(given) != len(expected):
        return f"The answer has {len(expected)} entries; you gave {len(given)}."
    right = [i for i, (e, g) in enumerate(zip(expected, given, strict=True)) if close_3sf(e, g)]
    wrong = [i for i in range(len(expected)) if i not in right]
    if not wrong:
        return ""
    if all(close_3sf(expected[i], given[len(given) - 1 - i]) for i in range(len(given))):
        return "The right entries in reverse order."
    if all(close_3sf(-expected[i], given[i]) for i in wrong):
        slip = " (the sign is flipped)"
    elif all(close_3sf(expected[i] * 100, given[i]) for i in wrong):
        slip = " (written as percentages?)"
    else:
        slip = ""
    numbers = [str(i + 1) for i in wrong]
    said = "Entry" if len(wrong) == 1 else "Entries"
    if not right:
        return f"No entry is right{slip}."
    verb = "is" if len(wrong) == 1 else "are"
    return f"{said} {', '.join(numbers)} {verb} not right{slip}; the others are."


def entry_feedback(kind: str, expected: str, read_as: str) -> str:
    """Per-entry feedback for a wrong shape or vector ('' for other kinds or when unreadable).

    ``expected`` and ``read_as`` are the verdict's own renderings of the answer and of how the
    input was read.
    """
    if kind not in ("shape", "vector"):
        return ""
    truth, value = numbers_in(expected), numbers_in(read_as)
    if not truth or not value:
        return ""
    if kind == "shape":
        if any(x != int(x) for x in truth + value):
            return ""
        return shape_feedback([int(x) for x in truth], [int(x) for x in value])
    return vector_feedback(truth, value)
