"""The TUI shows the expected answer as readable math, for new and for old stored verdicts."""

from interview_sim.tui.widgets.part_field import verdict_content

CLOSED = {"verdict": "incorrect", "message": "Not correct.", "accepted": "…"}


def test_feedback_shows_the_readable_expected_answer():
    verdict = {**CLOSED, "expected": "log(7/43)", "expected_display": "ln(7/43) ≈ −1.815"}
    text = verdict_content(verdict, closed=True).plain
    assert "answer: ln(7/43) ≈ −1.815" in text and "log(" not in text


def test_feedback_of_a_verdict_saved_before_expected_display_still_reads_as_math():
    text = verdict_content({**CLOSED, "expected": "sqrt(2)/4"}, closed=True).plain
    assert "answer: √2/4 ≈ 0.3536" in text and "sqrt" not in text
