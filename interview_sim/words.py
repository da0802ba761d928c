"""Counts in words: "1 attempt left", "3 attempts left", never "attempt(s)"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and the noun in the right number; ``plural`` for irregular nouns."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
