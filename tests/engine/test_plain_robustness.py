"""The plain runner takes any bytes a user (or a pipe) can type, and never lets a saved answer
drive the terminal: control characters are shown escaped."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_sim.engine.session import Session
from interview_sim.plain import PlainRunner
from interview_sim.safe_text import printable
from interview_sim.store.sessions import SessionStore

from .helpers import TINY_DRILL, TINY_EXAM, FakeClock, write_preset

# what a terminal would act on, in what the runner prints (newline is the runner's own layout)
ACTIVE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _runner(tmp_path: Path, preset_text: str, text: str) -> tuple[Session, str]:
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, preset_text)
    session = store.create(Session.create(preset, 21, clock=FakeClock()))
    out = io.StringIO()
    PlainRunner(session, io.StringIO(text), out).run()
    store.release(session.transcript.id)
    return session, out.getvalue()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.text(max_size=30), max_size=8), commands=st.data())
def test_any_typed_lines_never_crash_and_never_reach_the_terminal_raw(tmp_path, lines, commands):
    words = ["goto " + commands.draw(st.text(max_size=4)), "next", "prev", "show", "flag", "skip"]
    typed = [commands.draw(st.sampled_from([line, *words])) for line in lines]
    text = "\n".join(["", *(line.replace("\n", " ") for line in typed), "show", "quit"]) + "\n"
    session, out = _runner(tmp_path, TINY_DRILL, text)
    assert "Saved. Resume with" in out
    assert not ACTIVE.search(out.replace("\t", "")), "a control character reached the terminal"


def test_goto_with_unicode_digits_or_out_of_range_is_a_clear_refusal(tmp_path: Path):
    lines = ["", "goto ²", "goto ٣", "goto 0", "goto 99", "goto x", "goto 2", "quit"]
    session, out = _runner(tmp_path, TINY_EXAM, "\n".join(lines) + "\n")
    assert out.count("goto needs a question number from 1 to") == 5
    assert session.transcript.current == 1, "goto 2 still works"
    assert all(not p.text for q in session.transcript.questions for p in q.parts), (
        "no command was saved as an answer"
    )


def test_saved_answers_with_escape_sequences_are_shown_escaped(tmp_path: Path):
    hostile = "\x1b]0;owned\x07\x1b[2J\u202eabc\rdef"
    session, out = _runner(tmp_path, TINY_EXAM, f"\n{hostile}\nprev\nshow\nquit\n")
    assert session.transcript.questions[0].parts[0].text == hostile, "saved as typed"
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out
    assert "\\x1b]0;owned\\x07\\x1b[2J\\u202eabc\\x0ddef" in out


def test_printable_keeps_ordinary_text_and_layout():
    text = "p = 0.25, ln(2)/3, √2 ≈ 1.414, naïve 日本\n\tnext line"
    assert printable(text) == text


def test_undecodable_bytes_on_stdin_are_read_not_fatal(tmp_path: Path):
    preset = write_preset(tmp_path, TINY_EXAM)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "interview_sim",
            "--data-dir",
            str(tmp_path / "data"),
            "run",
            str(preset.source),
            "--plain",
        ],
        input=b"\n\xff\xfe\xc3(\x80 1/4\ngoto \xb2\nquit\n",
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    assert b"Saved. Resume with" in result.stdout
