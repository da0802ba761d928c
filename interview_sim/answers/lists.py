"""Read vectors, matrices and shapes: strictly, in one linear pass, never repairing the text.

A list answer is split into entry texts here; each entry is then read by the caller's entry
reader (a number or an exact form such as ``exp(1/2)``). The readers scan the text once with a
bracket stack instead of backtracking regular expressions, so 60,000 spaces or 100,000 commas are
refused in well under a millisecond per kilobyte. Anything a person could have meant in two ways
is refused with the reason, never guessed: an unclosed ``[1, 2``, ragged rows ``[[1, 2], [3]]``,
text between rows, empty entries ``[1,, 2]``, and decimal commas ``[0,5, 0,25]``. A refusal is an
``AnswerFormatError``: it never costs an attempt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.numbers import normalize

MAX_LIST_LENGTH = 2000  # characters of a whole list answer: a 12-entry vector of exact forms fits
MAX_ENTRIES = 64  # entries of one answer (all rows of a matrix together)
MAX_SHAPE_RANK = 8

EntryReader = Callable[[str], tuple[Any, str]]

_WRAPPERS = ("torch.Size(", "np.array(", "numpy.array(", "array(")
_CLOSER = {"[": "]", "(": ")"}
_OPENER = {"]": "[", ")": "("}


def shortened(text: str) -> str:
    """Typed text quoted in a message, cut short when long (its length said)."""
    return text if len(text) <= 40 else f"{text[:30]}…({len(text)} characters)"


def _fail(text: str, message: str) -> AnswerFormatError:
    return AnswerFormatError(f'could not read "{shortened(text)}": {message}')


_EMPTY_VECTOR = "the answer is empty: type the entries separated by commas, e.g. [1, 2, 3]"
_EMPTY_MATRIX = "the answer is empty: expected rows such as [[1, 2], [3, 4]] or 1 2; 3 4"


def _prepare(text: str, empty: str) -> str:
    """Length-check before anything else, then normalise (both linear in the text)."""
    if len(text) > MAX_LIST_LENGTH:
        raise AnswerFormatError(
            f"could not read the answer: {len(text)} characters is too long "
            f"(at most {MAX_LIST_LENGTH}); type the entries only, separated by commas"
        )
    body = normalize(text)
    if not body:
        raise AnswerFormatError(empty)
    return body


def _matching_closers(text: str) -> dict[int, int]:
    """Map each opening bracket's index to its closer's; refuse unbalanced or crossed brackets."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for index, char in enumerate(text):
        if char in _CLOSER:
            stack.append(index)
        elif char in _OPENER:
            if not stack:
                raise _fail(text, f'"{char}" closes a bracket that was never opened')
            start = stack.pop()
            if text[start] != _OPENER[char]:
                raise _fail(text, f'"{text[start]}" is closed by "{char}": brackets must match')
            pairs[start] = index
    if stack:
        opener = text[stack[-1]]
        raise _fail(text, f'"{opener}" is never closed: add the missing "{_CLOSER[opener]}"')
    return pairs


def _unwrap(text: str) -> tuple[dict[int, int], int]:
    """The bracket pairs, and where the list starts inside a ``torch.Size(...)``-style wrapper."""
    pairs = _matching_closers(text)
    start = 0
    for wrapper in _WRAPPERS:
        if text.startswith(wrapper):
            opener = len(wrapper) - 1
            if pairs[opener] != len(text) - 1:
                raise _fail(text, f'unexpected text after the closing ")" of {wrapper[:-1]}')
            start = opener + 1
            break
    return pairs, start


def _strip_outer(text: str, pairs: dict[int, int], start: int, end: int) -> tuple[int, int]:
    """Skip whitespace, then one bracket pair enclosing the whole span, if there is one."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and text[start] in _CLOSER:
        close = pairs[start]
        if close == end - 1:
            return start + 1, end - 1
        if text[start] == "[":  # "[1, 2] 3" or "[1, 2], [3, 4]" without an outer bracket
            raise _fail(text, f'unexpected text after "]": "{shortened(text[close + 1 : end])}"')
    return start, end


def _top_level_commas(text: str, start: int, end: int, pairs: dict[int, int]) -> list[int]:
    """Positions of the commas outside parentheses (log(2, 3) keeps its comma)."""
    commas, index = [], start
    while index < end:
        if text[index] == "(":
            index = pairs[index] + 1
            continue
        if text[index] == ",":
            commas.append(index)
        index += 1
    return commas


def top_level_items(text: str, start: int, end: int, pairs: dict[int, int]) -> list[str]:
    """Split ``text[start:end]`` on commas outside parentheses, so ``exp(1/2)/(1 + e)`` stays one
    entry; without a comma, whitespace separates (``1 2 3``). Empty entries are refused."""
    span = text[start:end]
    if "[" in span or "]" in span:
        raise _fail(
            text, "unexpected brackets inside a list entry: a vector is one [...] of numbers"
        )
    commas = _top_level_commas(text, start, end, pairs)
    has_comma = bool(commas)
    spaced = [i for i in commas if i + 1 < end and text[i + 1].isspace()]
    tight = [
        i for i in commas if 0 < i < end - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    ]
    if spaced and tight:
        example = text[tight[0] - 1 : tight[0] + 2]
        raise _fail(
            text,
            f'some commas are followed by a space and "{example}" is not: if it is a '
            "decimal, use a decimal point (0.5, not 0,5); otherwise separate every entry alike",
        )
    items: list[str] = []
    item_start = index = start
    while index < end:
        char = text[index]
        if char == "(":
            index = pairs[index] + 1
            continue
        if (has_comma and char == ",") or (not has_comma and char.isspace()):
            items.append(text[item_start:index].strip())
            item_start = index + 1
        index += 1
    items.append(text[item_start:end].strip())
    if not has_comma:
        items = [item for item in items if item]
    if not items or items == [""]:
        raise AnswerFormatError(_EMPTY_VECTOR)
    for number, item in enumerate(items, 1):
        if not item:
            raise _fail(text, f"entry {number} is empty: remove the extra comma")
    if len(items) > MAX_ENTRIES:
        raise _fail(text, f"{len(items)} entries is too many (at most {MAX_ENTRIES})")
    return items


def split_vector(text: str) -> list[str]:
    """The entries of a vector: ``[1, 2, 3]``, ``(1, 2)``, ``1 2 3``, ``torch.Size([1, 2])``."""
    body = _prepare(text, _EMPTY_VECTOR)
    pairs, start = _unwrap(body)
    end = len(body) - 1 if start else len(body)
    start, end = _strip_outer(body, pairs, start, end)
    return top_level_items(body, start, end, pairs)


def split_matrix(text: str) -> list[list[str]]:
    """The entry texts of each row: ``[[1, 2], [3, 4]]``, ``[1, 2], [3, 4]``, ``[1 2; 3 4]`` or
    rows split by ``;`` or new lines. Every row must have the same number of entries."""
    body = _prepare(text, _EMPTY_MATRIX)
    pairs, start = _unwrap(body)
    end = len(body) - 1 if start else len(body)
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end and body[start] in _CLOSER and pairs[start] == end - 1:
        inner_start, inner_end = start + 1, end - 1  # one bracket around everything
        while inner_start < inner_end and body[inner_start].isspace():
            inner_start += 1
        if (
            inner_start < inner_end
            and body[inner_start] in _CLOSER
            and _rows_in_brackets(body, inner_start, inner_end)
        ):
            start, end = inner_start, inner_end
        else:
            return _checked_rows(body, _separated_rows(body, inner_start, inner_end, pairs))
    if start < end and body[start] in _CLOSER and _rows_in_brackets(body, start, end):
        after = body[start + 1 : pairs[start]].lstrip()[:1]
        if after in _CLOSER:  # "[[1, 2], [3, 4]] 5": the outer bracket closed early
            extra = shortened(body[pairs[start] + 1 : end].strip())
            raise _fail(body, f'unexpected text after the matrix: "{extra}"')
        return _checked_rows(body, _bracketed_rows(body, start, end, pairs))
    return _checked_rows(body, _separated_rows(body, start, end, pairs))


def _rows_in_brackets(text: str, start: int, end: int) -> bool:
    """Rows are written in brackets ([1, 2], [3, 4]) unless ';' or a new line separates them."""
    span = text[start:end]
    return text[start] == "[" or not (";" in span or "\n" in span)


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _checked_rows(text: str, rows: list[list[str]]) -> list[list[str]]:
    width = len(rows[0])
    for number, row in enumerate(rows[1:], 2):
        if len(row) != width:
            raise _fail(
                text,
                f"row {number} has {_entries(len(row))} but row 1 has {_entries(width)}: "
                "every row needs the same number of entries",
            )
    if sum(len(row) for row in rows) > MAX_ENTRIES:
        raise _fail(text, f"the matrix has too many entries (at most {MAX_ENTRIES})")
    return rows


def _bracketed_rows(text: str, start: int, end: int, pairs: dict[int, int]) -> list[list[str]]:
    rows: list[list[str]] = []
    index = start
    expect_row = True
    while index < end:
        char = text[index]
        if char.isspace():
            index += 1
        elif char in ",;" and not expect_row:
            expect_row = True
            index += 1
        elif char in _CLOSER:  # rows may also follow each other as numpy prints them: [1 2] [3 4]
            close = pairs[index]
            rows.append(top_level_items(text, index + 1, close, pairs))
            index = close + 1
            expect_row = False
        else:
            where = shortened(text[index:end])
            raise _fail(text, f'unexpected "{where}" between rows: expected rows such as [1, 2]')
    if not rows or expect_row:
        raise _fail(text, "expected rows such as [[1, 2], [3, 4]], separated by commas")
    return rows


def _separated_rows(text: str, start: int, end: int, pairs: dict[int, int]) -> list[list[str]]:
    rows: list[list[str]] = []
    row_start = index = start
    while index <= end:
        if index == end or text[index] in ";\n":
            if text[row_start:index].strip():
                rows.append(top_level_items(text, row_start, index, pairs))
            elif index < end or rows:
                raise _fail(text, f"row {len(rows) + 1} is empty: remove the extra separator")
            row_start = index + 1
        elif text[index] == "(":
            index = pairs[index]
        index += 1
    if not rows:
        raise _fail(text, "expected rows such as [[1, 2], [3, 4]] or 1 2; 3 4")
    return rows


def read_vector(text: str, read_entry: EntryReader) -> tuple[list[Any], str]:
    """Each entry read by ``read_entry``; the values and how the whole vector was read."""
    values, shown = [], []
    for item in split_vector(text):
        value, read_as = read_entry(item)
        values.append(value)
        shown.append(read_as)
    return values, "[" + ", ".join(shown) + "]"


def read_matrix(text: str, read_entry: EntryReader) -> tuple[list[list[Any]], str]:
    matrix, shown = [], []
    for row in split_matrix(text):
        values = [read_entry(item) for item in row]
        matrix.append([value for value, _ in values])
        shown.append("[" + ", ".join(read_as for _, read_as in values) + "]")
    return matrix, "[" + ", ".join(shown) + "]"


_TIMES_SHAPE = re.compile(r"\d+(?:\s*[x×*]\s*\d+)+")


def read_shape(text: str) -> tuple[tuple[int, ...], str]:
    """A tensor shape: ``(1, 32, 55, 55)``, ``1x32x55x55`` or ``torch.Size([1, 32, 55, 55])``."""
    body = _without_trailing_comma(
        _prepare(text, "the answer is empty: type a shape such as (1, 32, 55, 55)")
    )
    if _TIMES_SHAPE.fullmatch(body):
        items = re.split(r"\s*[x×*]\s*", body)
    else:
        items = split_vector(body)
    if len(items) > MAX_SHAPE_RANK or not all(re.fullmatch(r"\d{1,9}", item) for item in items):
        raise AnswerFormatError(
            f'could not read "{shortened(text)}" as a shape: '
            "expected whole numbers such as (1, 32, 55, 55)"
        )
    shape = tuple(int(item) for item in items)
    return shape, shape_text(shape)


def shape_text(shape: tuple[int, ...] | list[int]) -> str:
    """A shape as Python prints a tuple: (1, 32, 55, 55), and (7,) for one dimension."""
    return "(" + ", ".join(str(int(x)) for x in shape) + ("," if len(shape) == 1 else "") + ")"


def _without_trailing_comma(body: str) -> str:
    """``(7,)`` is Python's one-element tuple and ``(28, 16,)`` a tuple written with a trailing
    comma (``7,`` too): one comma right before the closing bracket(s) or the end is syntax, not an
    empty entry."""
    match = re.search(r"([^,\s])\s*,\s*([)\]]*)$", body)
    if match:
        return body[: match.start()] + match[1] + match[2]
    return body
