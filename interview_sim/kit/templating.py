"""Template plumbing every family shares: line ends kept, macros loaded, printed results recorded.

jinja2's ``trim_blocks`` drops the newline after *every* block tag, which is right for a line that
holds only ``{% if %}`` but wrong for a line of text that happens to end in ``{% endif %}``: the
next line (often a heading) then runs into the paragraph. ``KeepLineEnds`` fixes that once, for
every template, by keeping the newline of any line that is not a bare block tag.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from jinja2.ext import Extension

from interview_sim.answers.check import to_float

# a line that is only block tags (``{% if x %}``, ``{% endfor %}{% endif %}``) or a macro
# definition: trim_blocks may drop its newline, since it prints nothing of its own
_BARE = re.compile(r"\s*(\{%-?[^%]*?-?%\}\s*)+")
_DEFINITION = re.compile(r"\s*\{%-?\s*(macro|set|from|import)\b")


class KeepLineEnds(Extension):
    """Keep the newline after a line of text that ends with a block tag (see the module doc)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "\n".join(_keep_end(line) for line in source.split("\n"))


def _keep_end(line: str) -> str:
    text = line.rstrip()
    if not text.endswith("%}") or _BARE.fullmatch(text) or _DEFINITION.match(text):
        return line
    return line + '{{ "" }}'


def printed_text(value: Any, figures: int = 4) -> str:
    """A printed result as a user would type it: ``figures`` significant figures."""
    return f"{to_float(value):.{figures}g}"


@jinja2.pass_context
def result(
    context: jinja2.runtime.Context, part_id: str, value: Any, figures: int = 4, exact: bool = False
) -> str:
    """Print a part's result in a solution and record it in ``facts["printed"][part_id]``, so a
    test can check that every decimal the solution shows for a part grades correct.

    ``exact=True`` prints the exact value first ("ln(1/9) ≈ -2.197"), and only the exact value
    when the decimal says nothing more ("0.8", not "0.8 ≈ 0.8")."""
    printed = context.get("_printed")
    if printed is not None:  # recorded as a user would type it, e.g. 1.234e-05
        printed.setdefault(part_id, []).append(printed_text(value, figures))
    text = context.environment.filters["sig"](value, figures)  # shown as math: 1.234 × 10⁻⁵
    if not exact:
        return text
    shown = context.environment.filters["expr"](value)
    return shown if shown == text else f"{shown} ≈ {text}"
