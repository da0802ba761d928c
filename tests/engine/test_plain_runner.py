"""The plain prompt/answer loop, driven through in-memory stdin/stdout."""

import io
from pathlib import Path

from interview_sim.engine.session import Session
from interview_sim.mathtext import readable
from interview_sim.plain import PlainRunner
from interview_sim.store.sessions import SessionStore

from .helpers import TINY_DRILL, TINY_EXAM, FakeClock, write_preset


def run(tmp_path: Path, preset_text: str, lines: list[str], clock=None):
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, preset_text)
    session = store.create(Session.create(preset, 21, clock=clock or FakeClock()))
    out = io.StringIO()
    PlainRunner(session, io.StringIO("\n".join(lines) + "\n"), out).run()
    return session, out.getvalue()


def test_exam_answers_in_order_then_finish(tmp_path: Path):
    preset = write_preset(tmp_path, TINY_EXAM)
    expected = [
        p.expected for q in Session.create(preset, 21).transcript.questions for p in q.parts
    ]
    session, out = run(tmp_path, TINY_EXAM, ["", *expected, "finish", "yes"])
    assert session.transcript.results["percent"] == 100.0
    assert "Results: 100.0% (PASS)" in out and "tiny:21" in out
    assert "Not correct" not in out, "no grading shown during an exam"


def test_drill_hides_the_answer_until_the_last_attempt(tmp_path: Path):
    session, out = run(tmp_path, TINY_DRILL, ["", "987654321", "987654321", "987654321", "quit"])
    part = session.transcript.questions[0].part("odds")
    before_last, last = out.split("incorrect: Not correct.")[2:4]
    assert part.expected not in out.split("incorrect: Not correct.")[1]
    assert f"The answer is {readable(part.expected)}" in last
    assert "Worked solution" not in before_last


def test_time_up_while_typing_submits_and_says_so(tmp_path: Path):
    clock = FakeClock()

    class Late(io.StringIO):
        def readline(self, *args):
            clock.advance(3600)  # the user thinks for an hour before each line
            return super().readline(*args)

    store = SessionStore(tmp_path / "data")
    session = store.create(Session.create(write_preset(tmp_path, TINY_EXAM), 3, clock=clock))
    session.start()
    out = io.StringIO()
    PlainRunner(session, Late("0.5\n"), out).run()
    assert "Time is up: your saved answers were submitted automatically." in out.getvalue()
    assert session.transcript.finish_reason == "time_up"


def test_drill_shows_exact_answers_as_math_and_stores_the_readable_form(tmp_path: Path):
    wrong = ["987654321"] * 3
    session, out = run(tmp_path, TINY_DRILL, ["", *wrong, *wrong, "quit"])
    log_odds = session.transcript.questions[0].part("log_odds")
    assert log_odds.expected.startswith("log("), "the machine text stays program syntax"
    shown = readable(log_odds.expected)
    assert shown.startswith("ln(") and "≈" in shown
    assert f"The answer is {shown}" in out and "The answer is log(" not in out
    assert log_odds.final["expected_display"] == shown
    assert all(a["verdict"]["expected_display"] == shown for a in log_odds.attempts)


def test_an_answer_typed_before_the_start_is_not_taken_and_says_why(tmp_path: Path):
    session, out = run(tmp_path, TINY_EXAM, ["0.25", "START", "quit"])
    assert "'0.25' was not taken as an answer" in out
    assert session.transcript.started_at is not None  # START in capitals starts the clock
    assert not any(p.text for q in session.transcript.questions for p in q.parts)


def test_terminal_text_drops_bold_markers_but_not_code():
    from interview_sim.plain import terminal_text

    markdown = "x = **(−1.87, 1.62)** and __y__\n```python\nprint(2**10)\n```\n2 ** 3 stays"
    assert (
        terminal_text(markdown)
        == "x = (−1.87, 1.62) and y\n```python\nprint(2**10)\n```\n2 ** 3 stays"
    )
