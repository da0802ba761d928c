"""Text from users made safe to show on a terminal.

Saved answers, preset titles and verdict messages that quote them are shown back; escape
sequences in them could retitle, clear or reorder the terminal. ``printable`` shows each such
character as an escape instead.
"""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts colour, cursor and title sequences), DEL, the line and paragraph
# separators and the bidirectional overrides that reorder text. Newline and tab stay: they are
# the layout of what we print.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape, e.g. ``\\x1b``."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
