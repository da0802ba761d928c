"""The jinja2 environment over ``templates/`` and the filters templates use to show math.

Statements and solutions are Markdown with plain-text math, readable in a terminal, in the TUI's
Markdown widget and in exports. ``StrictUndefined`` turns a misspelt placeholder into an error
instead of an empty hole in a problem statement.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

import jinja2

from interview_sim.answers.numbers import format_exact
from interview_sim.kit.templating import KeepLineEnds, result
from interview_sim.mathtext import decimal_text, fixed_text, math_text
from interview_sim.resources import TEMPLATES

MACROS = ("p", "vector", "matrix")  # from templates/families/_macros.md.j2


def num(value: Any) -> str:
    """An exact parameter as displayed: 0.0258, 1/15, 300."""
    try:
        return format_exact(Fraction(str(value)))
    except ValueError:
        return math_text(value, approx=False)


def dec(value: Any, places: int = 4) -> str:
    """A decimal with a fixed number of places (0.0349); ×10ⁿ when that would hide the value."""
    return fixed_text(value, places)


def sig(value: Any, figures: int = 6) -> str:
    """A decimal with significant figures (0.005978, 7.19321 × 10⁷), never e+07."""
    return decimal_text(value, figures)


def expr(value: Any) -> str:
    """An exact value as readable math (ln, log₂, √, π, ·), without its decimal: solutions
    usually print the decimal themselves with ``dec`` or ``sig``; ``math`` adds it."""
    return math_text(value, approx=False)


def table(rows: list[list[Any]], headers: list[str]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown for terminals; HTML exports use their own escaping env
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=[KeepLineEnds],
    )
    env.filters.update(num=num, dec=dec, sig=sig, expr=expr, math=math_text, approx=decimal_text)
    env.globals.update(table=table, result=result)
    macros = env.get_template("families/_macros.md.j2").module
    env.globals.update({name: getattr(macros, name) for name in MACROS})
    return env


def render_family(family_id: str, which: str, context: dict[str, Any]) -> str:
    """Render ``templates/families/<family_id>.<which>.md.j2``."""
    template = environment().get_template(f"families/{family_id}.{which}.md.j2")
    return template.render(**context).strip()


def render_text(text: str, context: dict[str, Any]) -> str:
    """Render a short template string (a part's prompt) with the same filters and macros, so a
    prompt shows 3.4 exactly where the statement does."""
    return _compiled(text).render(**context).strip()


@lru_cache(maxsize=1024)
def _compiled(text: str) -> jinja2.Template:
    """Prompts are a few fixed strings per family, rendered for every variant: compile each once
    (compiling was the slowest step of building a variant)."""
    return environment().from_string(text)
