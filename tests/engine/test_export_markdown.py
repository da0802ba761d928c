"""The Markdown export shows user text as typed: no HTML, link, image or table syntax in an answer
(or a user preset's title) can act when the file is rendered."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from interview_sim.engine.session import Session
from interview_sim.export import export_session, export_worksheet, markdown_code, markdown_text
from interview_sim.safe_text import printable

from .helpers import TINY_EXAM, FakeClock, write_preset

RENDER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "a | b | c",
    "1/4 \\| 2",
    "`code` ``two``",
    "**bold** _it_ ~~gone~~ $x$",
    "&lt;script&gt; &amp;",
    "line one\nline two\r\n| x | y |",
    "[ref]: javascript:alert(1)",
    "\x1b[31mred\x1b[0m",
]


def _cells(rendered: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, flags=re.S)
    cells = [
        [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", r, re.S)]
        for r in rows
    ]
    return [row for row in cells if row]  # the header row has <th>, not <td>


def _session(tmp_path: Path, answer: str, title: str = "Tiny exam") -> Session:
    tmp_path.mkdir(exist_ok=True)
    text = TINY_EXAM.replace('title = "Tiny exam"', f"title = {json.dumps(title)}")
    preset = write_preset(tmp_path, text)
    session = Session.create(preset, 4, clock=FakeClock())
    session.start()
    session.answer(0, session.transcript.questions[0].parts[0].id, answer)
    session.finish()
    return session


def _shown(text: str) -> str:
    """What a reader should see for ``text``: one line, control characters escaped."""
    return printable(re.sub(r"\r\n|[\r\n\u2028\u2029\x85]", " ", text)).strip()


def _assert_inert(rendered: str, formatting: bool = False) -> None:
    """No element that runs code or leaves the page; with ``formatting``, no emphasis either
    (for a rendering of user text alone)."""
    lowered = rendered.lower()
    tags = ["<script", "<img", "<a ", "<iframe"]
    tags += ["<strong", "<em", "<del"] if formatting else []
    for tag in tags:
        assert tag not in lowered, (tag, rendered[:400])
    assert "javascript:" not in re.sub(r">[^<]*<", "><", lowered), "no URL in any attribute"


def test_each_attack_shows_as_typed_in_the_answer_cell(tmp_path: Path):
    for index, attack in enumerate(ATTACKS):
        session = _session(tmp_path / str(index), attack)
        rendered = RENDER.render(export_session(session.transcript, "md"))
        _assert_inert(rendered)
        answers = [row for row in _cells(rendered) if len(row) == 6]
        assert answers and all(len(row) == 6 for row in _cells(rendered) if len(row) > 3)
        assert answers[0][1] == _shown(attack), (attack, answers[0])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_any_text_is_one_inert_table_cell(text: str):
    row = f"| a | {markdown_text(text)} | {markdown_code(text, in_table=True)} |"
    rendered = RENDER.render(f"| x | y | z |\n|---|---|---|\n{row}\n")
    _assert_inert(rendered, formatting=True)
    cells = _cells(rendered)
    assert cells == [["a", _shown(text), cells[0][2]]], (text, rendered)
    assert cells[0][2].strip() == _shown(text).strip()


def test_a_user_presets_title_is_escaped_in_session_and_worksheet(tmp_path: Path):
    session = _session(tmp_path, "1/4", title="<img src=x onerror=alert(1)> [x](javascript:y)")
    for text in (
        export_session(session.transcript, "md"),
        export_worksheet(session.transcript, "md"),
    ):
        rendered = RENDER.render(text)
        _assert_inert(rendered)
        assert "&lt;img src=x onerror=alert(1)&gt; [x](javascript:y)" in rendered


def test_ordinary_answers_stay_readable_in_the_raw_file(tmp_path: Path):
    session = _session(tmp_path, "ln(2)/3 - 0.25")
    assert "| ln(2)/3 - 0.25 |" in export_session(session.transcript, "md")
