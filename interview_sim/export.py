"""Export a session (or a worksheet) to Markdown or one self-contained HTML file.

HTML has inline CSS, so it opens offline in any browser. Exact answers are shown as readable
math with their decimal (``mathtext.readable``: ln, log₂, √, π, "≈ 0.03485") in both formats.
Markdown statements are turned into HTML with markdown-it (already installed with Textual; the
domain imports it directly, never Textual).
"""

from __future__ import annotations

import re
import time
from functools import lru_cache
from typing import Any

import jinja2

from interview_sim.asks import statement_without_asks
from interview_sim.engine.scoring import self_assessed_note
from interview_sim.engine.transcript import Transcript, retake_command
from interview_sim.mathtext import readable
from interview_sim.render import TEMPLATES
from interview_sim.safe_text import printable

FORMATS = ("md", "html")


# Characters that can start Markdown or HTML syntax mid-line: code, emphasis, links and images
# (``[`` … so ``](javascript:…)`` cannot form), raw HTML and autolinks (``<``), entities, table
# cells, strikethrough and math. Others (``.``, ``/``, ``(``) stay readable in the raw file.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>&|~$])")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def markdown_text(text: Any) -> str:
    """User text as literal Markdown inline text, safe in a table cell: each character that could
    start Markdown or HTML is backslash-escaped (CommonMark allows it for any punctuation), so
    ``<script>``, links, images, emphasis and ``|`` show as typed instead of acting; line breaks
    become spaces and other control characters show as escapes."""
    one_line = _LINE_BREAKS.sub(" ", str(text))
    return _MARKDOWN_ACTIVE.sub(r"\\\1", printable(one_line))


def markdown_code(text: Any, in_table: bool = False) -> str:
    """Text as a Markdown code span whatever backticks it holds (the fence is longer than any
    run inside); in a table cell ``|`` is escaped too, since GFM splits cells before code."""
    body = printable(_LINE_BREAKS.sub(" ", str(text)))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
    if body.startswith("`") or body.endswith("`"):
        body = f" {body} "
    if in_table:
        body = body.replace("|", "\\|")
    return f"{fence}{body}{fence}"


def markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


@lru_cache(maxsize=2)
def _environment(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / "export")),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from markupsafe import Markup

    # in a Markdown table cell a bare "|" (as in |x|) would end the cell
    # in Markdown, readable math is escaped like user text (a bare "|" of |x| would end a cell)
    escape = (lambda text: text) if html else markdown_text
    env.filters["expected"] = lambda part: escape(expected_shown(part))
    env.filters["markdown"] = lambda text: Markup(markdown_html(str(text)))
    # the parts are listed with their prompts, so the statement goes without its own asks
    env.filters["statement"] = lambda q: statement_without_asks(q.statement, len(q.parts))
    env.filters["md"] = markdown_text  # user text in Markdown exports
    env.filters["md_code"] = markdown_code
    env.filters["when"] = lambda t: time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) if t else "—"
    env.filters["minutes"] = lambda s: f"{(s or 0) / 60:.1f} min"
    env.filters["verdict_label"] = verdict_label
    env.globals["self_assessed_note"] = self_assessed_note
    return env


def expected_shown(part: Any) -> str:
    """A part's stored exact answer as a reader sees it: math as math, a choice as its letter."""
    return readable(str(part.expected), kind=part.kind)


def verdict_label(final: dict[str, Any] | None) -> str:
    """A stored verdict as a results cell: "correct", or "self-assessed 70%" for an explain
    answer the candidate scored (never passed off as a checked verdict)."""
    status = (final or {}).get("verdict", "—")
    if status == "self_assessed":
        return f"self-assessed {float(final.get('credit', 0)):.0%}"
    if status == "pending":
        return "not self-assessed yet"
    return status


def _render(template: str, fmt: str, **context: Any) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use md or html")
    return _environment(fmt == "html").get_template(f"{template}.{fmt}.j2").render(**context)


def export_session(transcript: Transcript, fmt: str = "md") -> str:
    return _render("session", fmt, t=transcript, results=transcript.results or {})


def export_worksheet(transcript: Transcript, fmt: str = "md") -> str:
    """A printable question sheet followed by a separate answer key with worked solutions."""
    return _render("worksheet", fmt, t=transcript, retake=retake_command(transcript))
