"""Export a session (or a worksheet) to Markdown or one self-contained HTML file.

HTML has inline CSS, so it opens offline in any browser. Exact answers are shown as readable
math with their decimal (``mathtext.readable``: ln, log₂, √, π, "≈ 0.03485") in both formats.
Markdown statements are turned into HTML with markdown-it (already installed with Textual; the
domain imports it directly, never Textual).
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any

import jinja2

from interview_sim.engine.transcript import Transcript
from interview_sim.mathtext import readable
from interview_sim.render import TEMPLATES

FORMATS = ("md", "html")


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
    escape_bars = (lambda text: text) if html else (lambda text: text.replace("|", "\\|"))
    env.filters["readable"] = lambda text: escape_bars(readable(str(text)))
    env.filters["markdown"] = lambda text: Markup(markdown_html(str(text)))
    env.filters["when"] = lambda t: time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) if t else "—"
    env.filters["minutes"] = lambda s: f"{(s or 0) / 60:.1f} min"
    return env


def _render(template: str, fmt: str, **context: Any) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use md or html")
    return _environment(fmt == "html").get_template(f"{template}.{fmt}.j2").render(**context)


def export_session(transcript: Transcript, fmt: str = "md") -> str:
    return _render("session", fmt, t=transcript, results=transcript.results or {})


def export_worksheet(transcript: Transcript, fmt: str = "md") -> str:
    """A printable question sheet followed by a separate answer key with worked solutions."""
    return _render("worksheet", fmt, t=transcript)
