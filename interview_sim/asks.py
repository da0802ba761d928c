"""A statement without its numbered asks, so every view that lists the parts shows each ask once.

A statement ends with its asks numbered 1., 2., … (one per part); the TUI, the review and the
exports show each part's prompt next to its answer, so printing the statement's own list as well
would show every ask twice. No Textual and no sympy here: the exports use it too.
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^(\d+)[.)]\s")


def _is_continuation(line: str) -> bool:
    """An indented, non-blank line: the rest of the list item above it."""
    return line.startswith((" ", "\t")) and bool(line.strip())


def statement_without_asks(statement: str, parts: int) -> str:
    """The statement without its numbered asks when they are the last ``parts`` numbered items,
    numbered 1 to ``parts`` in order, and nothing but blank lines or prose separates them (prose
    between two runs of asks, such as a sentence that sets up the later ones, stays).

    A statement whose numbered items do not match the parts is returned whole: better an ask
    shown twice than one never shown.
    """
    lines = statement.rstrip().splitlines()
    items = [i for i, line in enumerate(lines) if _ITEM.match(line)]
    if parts <= 0 or len(items) < parts:
        return statement
    asks = items[-parts:]
    if [int(_ITEM.match(lines[i]).group(1)) for i in asks] != list(range(1, parts + 1)):
        return statement
    end = asks[-1] + 1
    while end < len(lines) and _is_continuation(lines[end]):
        end += 1
    if end != len(lines):  # prose after the last ask: the list is not the statement's end
        return statement
    drop: set[int] = set()
    for start in asks:
        drop.add(start)
        following = start + 1
        while following < len(lines) and _is_continuation(lines[following]):
            drop.add(following)
            following += 1
    kept: list[str] = []
    after_ask = False  # blank lines around a removed ask collapse into one
    for i, line in enumerate(lines):
        if i in drop:
            after_ask = True
        elif not line.strip() and after_ask and (not kept or not kept[-1].strip()):
            continue
        else:
            kept.append(line)
            after_ask = after_ask and not line.strip()
    return "\n".join(kept).rstrip() + "\n"
