"""The trend rule (stats), the drill's section label, and part labels in the exports."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interview_sim.stats import TREND_MIN_SESSIONS, _delta, trend_summary


@given(st.lists(st.floats(0, 100), max_size=TREND_MIN_SESSIONS - 1))
def test_no_trend_from_fewer_than_five_sessions(percents):
    assert _delta(percents) is None
    assert f"after {TREND_MIN_SESSIONS} graded sessions" in trend_summary(len(percents), None)


@given(st.lists(st.floats(0, 100), min_size=TREND_MIN_SESSIONS, max_size=40))
def test_trend_compares_equal_windows_of_the_latest_sessions(percents):
    k = min(5, len(percents) // 2)
    recent, earlier = percents[-k:], percents[-2 * k : -k]
    delta = _delta(percents)
    assert delta is not None
    assert abs(delta - (sum(recent) / k - sum(earlier) / k)) < 1e-9
    assert f"last {k} vs the {k} before" in trend_summary(len(percents), delta)


def test_a_drill_section_is_named_after_its_chapter():
    from interview_sim.chapters import CHAPTERS
    from interview_sim.engine.build import choose_families
    from interview_sim.engine.presets import find_preset

    drill = find_preset("chapter-drill")
    for title, _ in choose_families(drill, 7, chapter="information_theory"):
        assert title == CHAPTERS["information_theory"]


def test_exports_label_parts_by_their_prompts_and_show_no_tag(tmp_path):
    from interview_sim.engine.session import Session
    from interview_sim.export import export_session, export_worksheet

    from .engine.helpers import TINY_EXAM, FakeClock, write_preset

    session = Session.create(write_preset(tmp_path, TINY_EXAM), 11, clock=FakeClock())
    session.start()
    first = session.transcript.questions[0]
    mistaken = first.parts[0]
    session.answer(0, mistaken.id, "12345")
    session.finish()
    for text in (
        export_session(session.transcript, "html"),
        export_session(session.transcript, "md"),
        export_worksheet(session.transcript, "html"),
        export_worksheet(session.transcript, "md"),
    ):
        for number, part in enumerate(first.parts, start=1):
            assert f"{number}. {part.prompt}".replace("|", "\\|")[:30] in text.replace("&#39;", "'")
            assert f"<td>{part.id}</td>" not in text and f"| {part.id} |" not in text
    html = export_session(session.transcript, "html")
    assert "overflow-wrap: anywhere" in html and "max-width: 100%" in html


def test_an_unknown_name_in_a_number_answer_lists_no_empty_symbols():
    import pytest

    from interview_sim.answers.errors import AnswerFormatError
    from interview_sim.answers.expressions import parse_expression

    with pytest.raises(AnswerFormatError) as raised:
        parse_expression("3*q")
    message = str(raised.value)
    assert "(none)" not in message and "symbols" not in message
    assert 'unknown name "q"' in message and "pi and e" in message
