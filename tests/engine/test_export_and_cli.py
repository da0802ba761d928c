"""Exports (Markdown and self-contained HTML), worksheets, and the session commands."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from interview_sim.asks import statement_without_asks
from interview_sim.cli import main
from interview_sim.engine.session import Session
from interview_sim.export import export_session, export_worksheet
from interview_sim.mathtext import readable
from interview_sim.store.sessions import SessionStore

from .helpers import TINY_EXAM, FakeClock, write_preset

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "mprespace", "none"}


class Balanced(HTMLParser):
    """Checks that every element is closed in order; collects ids and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        for key in ("src", "href"):
            if attributes.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(attributes[key])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def graded_session(tmp_path: Path) -> tuple[SessionStore, Session]:
    store = SessionStore(tmp_path / "data")
    session = store.create(Session.create(write_preset(tmp_path, TINY_EXAM), 11, clock=FakeClock()))
    session.start()
    session.answer(0, "odds", session.transcript.questions[0].parts[0].expected)
    session.answer(0, "log_odds", "<script>alert(1)</script>")
    session.finish()
    return store, session


def test_html_export_is_well_formed_self_contained_and_complete(tmp_path: Path):
    _, session = graded_session(tmp_path)
    html = export_session(session.transcript, "html")
    parser = Balanced()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], f"unclosed: {parser.stack}"
    assert parser.ids == [f"q{q.slot + 1}" for q in session.transcript.questions]
    assert parser.external == [] and "<style>" in html, "one file, inline CSS"
    for question in session.transcript.questions:
        for part in question.parts:
            assert str(escape(readable(part.expected))) in html, "exact answers as readable math"
    assert "<script>alert(1)</script>" not in html, "user text is escaped"
    text = "".join(parser.text)
    for question in session.transcript.questions:
        first_line = question.solution.split("\n")[0].replace("**", "")
        assert question.title in text and first_line[:30] in text


def test_markdown_export_has_answers_verdicts_and_solutions(tmp_path: Path):
    _, session = graded_session(tmp_path)
    markdown = export_session(session.transcript, "md")
    t = session.transcript
    assert t.code in markdown and "50.0" in markdown or "Score" in markdown
    for question in t.questions:
        assert f"Question {question.slot + 1}" in markdown
        assert question.solution in markdown
        for part in question.parts:
            assert readable(part.expected) in markdown
    first = t.questions[0].parts[0]
    assert (
        f"| 1. {first.prompt} | " in markdown and "correct" in markdown and "incorrect" in markdown
    )


def test_worksheet_has_questions_then_a_separate_key(tmp_path: Path):
    session = Session.create(write_preset(tmp_path, TINY_EXAM), 5, clock=FakeClock())
    sheet = export_worksheet(session.transcript, "md")
    questions, key = sheet.split("# Answer key")
    for question in session.transcript.questions:
        # the statement without its own asks: the parts below it ask them
        assert statement_without_asks(question.statement, len(question.parts)) in questions
        assert question.solution in key and question.solution not in questions
        for part in question.parts:
            assert readable(part.expected) in key and readable(part.expected) not in questions


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_stats_export_commands(tmp_path: Path, capsys):
    store, session = graded_session(tmp_path)
    data = str(store.root)
    code, out, _ = run_cli(capsys, "--data-dir", data, "history")
    assert code == 0 and session.transcript.id in out and "tiny" in out
    code, out, _ = run_cli(capsys, "--data-dir", data, "stats", "--json")
    stats = json.loads(out)
    assert stats["sessions"] == 1 and stats["families"][0]["key"] == "lr_odds_logodds"
    output = tmp_path / "out.html"
    code, _, err = run_cli(
        capsys, "--data-dir", data, "export", "--format", "html", "-o", str(output)
    )
    assert code == 0 and output.read_text().startswith("<!DOCTYPE html>")


def test_damaged_session_does_not_break_history(tmp_path: Path, capsys):
    store, session = graded_session(tmp_path)
    (store.dir / "broken.json").write_text("{")
    code, out, err = run_cli(capsys, "--data-dir", str(store.root), "history")
    assert code == 0 and session.transcript.id in out and "broken.json" in err


def test_data_dir_after_the_subcommand(tmp_path: Path, capsys):
    store, session = graded_session(tmp_path)
    code, out, _ = run_cli(capsys, "history", "--data-dir", str(store.root))
    assert code == 0 and session.transcript.id in out


def test_data_dir_from_environment(tmp_path: Path, capsys, monkeypatch):
    store, session = graded_session(tmp_path)
    monkeypatch.setenv("INTERVIEW_SIM_HOME", str(store.root))
    code, out, _ = run_cli(capsys, "history")
    assert session.transcript.id in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "nope", "--plain"], "unknown preset 'nope'"),
        (["run", "chapter-drill", "--plain"], "--chapter"),
        (["export", "zzz"], "no session matches"),
        (["worksheet", "practice", "--seed", "1"], "endless"),
    ],
)
def test_user_errors_are_one_line_exit_2(tmp_path: Path, capsys, args, message):
    code, _, err = run_cli(capsys, "--data-dir", str(tmp_path), *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_exports_show_exact_answers_as_math_and_keep_markdown_tables_whole():
    from types import SimpleNamespace

    from interview_sim.export import _environment

    markdown, html = _environment(False).filters["expected"], _environment(True).filters["expected"]

    def real(text):
        return SimpleNamespace(kind="real", expected=text)

    assert markdown(real("-7*log(7)/(10*log(2)) + 2")) == "2 − 7·log₂(7)/10 ≈ 0.03485"
    assert markdown(real("abs(x - 3)")) == "\\|x − 3\\|", "a bar would end the table cell"
    assert html(real("abs(x - 3)")) == "|x − 3|"


@pytest.mark.parametrize(
    ("kind", "stored", "shown"),
    [
        ("choice", "e", "e"),  # an option letter, not Euler's number
        ("choices", "a, e", "a, e"),
        ("text", "log loss", "log loss"),
        ("shape", "(7,)", "(7,)"),
        ("real", "log(9)/2", "ln(9)/2 ≈ 1.099"),
        ("vector", "[1/3, exp(-1)]", "[1/3, e⁻¹] ≈ [0.3333, 0.3679]"),
    ],
)
def test_exports_show_math_as_math_and_everything_else_as_stored(kind, stored, shown):
    from types import SimpleNamespace

    from interview_sim.export import expected_shown

    assert expected_shown(SimpleNamespace(kind=kind, expected=stored)) == shown
