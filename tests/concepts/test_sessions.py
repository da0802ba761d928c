"""Concept items inside sessions: explain self-assessment in the engine, plain runner and exports,
presets that mix them, and transcripts written before schema 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from interview_sim.chapters import CHAPTERS
from interview_sim.engine.build import choose_families
from interview_sim.engine.presets import PresetError, find_preset
from interview_sim.engine.session import Session, SessionError
from interview_sim.engine.transcript import SCHEMA, Transcript
from interview_sim.export import export_session
from interview_sim.plain import PlainRunner
from interview_sim.registry import all_families, get
from interview_sim.store.sessions import SessionStore

from ..engine.helpers import FakeClock, write_preset

EXPLAIN = next(f for f in all_families(kind="concept") if f.concept.kind == "explain")
WEIGHTS = [point.weight for point in EXPLAIN.concept.rubric]

DRILL = f"""
name = "explaindrill"
title = "Explain drill"
feedback = "each"
attempts = 2

[[sections]]
title = "Talk"
families = ["{EXPLAIN.id}", "lr_odds_logodds"]
count = 2
"""

EXAM = f"""
name = "explainexam"
title = "Explain exam"
duration_minutes = 10
feedback = "end"

[[sections]]
title = "Talk"
families = ["{EXPLAIN.id}"]

[[sections]]
title = "Numbers"
families = ["lr_odds_logodds"]
"""


def _session(tmp_path: Path, text: str, seed: int = 5):
    store = SessionStore(tmp_path / "data")
    session = store.create(Session.create(write_preset(tmp_path, text), seed, clock=FakeClock()))
    return session, store


def _explain_slot(session: Session) -> int:
    return next(q.slot for q in session.transcript.questions if q.family == EXPLAIN.id)


def test_feedback_each_keeps_the_text_then_scores_the_ticked_weight(tmp_path: Path):
    session, store = _session(tmp_path, DRILL)
    session.start()
    slot = _explain_slot(session)
    verdict = session.check(slot, "explanation", "In my own words: it depends.")
    assert verdict.status == "pending"
    record = session.transcript.questions[slot].part("explanation")
    assert record.text == "In my own words: it depends." and record.attempts == []
    assert session.awaiting_ticks() == [(slot, "explanation")]
    scored = session.self_assess(slot, "explanation", [0])
    assert scored.status == "self_assessed"
    assert record.score == pytest.approx(WEIGHTS[0] / sum(WEIGHTS))
    assert record.locked and session.awaiting_ticks() == []
    saved = store.load(session.transcript.id).questions[slot].part("explanation")
    assert saved.ticked == [0] and saved.text == record.text, "ticks and prose are on disk"


def test_an_exam_asks_for_ticks_after_submitting_and_the_results_follow(tmp_path: Path):
    session, _ = _session(tmp_path, EXAM)
    session.start()
    slot = _explain_slot(session)
    session.answer(slot, "explanation", "A short answer of mine.")
    with pytest.raises(SessionError, match="after you submit"):
        session.self_assess(slot, "explanation", [0])
    results = session.finish()
    assert results["self_assessed"] == {"score": 0.0, "max": pytest.approx(50.0)}
    assert session.awaiting_ticks() == [(slot, "explanation")]
    session.self_assess(slot, "explanation", list(range(len(WEIGHTS))))
    results = session.transcript.results
    assert results["self_assessed"]["score"] == pytest.approx(50.0)
    assert results["percent"] >= 50.0
    row = next(q for q in results["questions"] if q["slot"] == slot)
    assert row["self_assessed"] is True


def test_an_unanswered_explain_part_scores_zero_and_cannot_be_ticked(tmp_path: Path):
    session, _ = _session(tmp_path, EXAM)
    session.start()
    session.finish()
    slot = _explain_slot(session)
    assert session.transcript.questions[slot].part("explanation").final["verdict"] == "incorrect"
    with pytest.raises(SessionError, match="write your answer first"):
        session.self_assess(slot, "explanation", [0])


def test_ticks_outside_the_rubric_are_refused(tmp_path: Path):
    session, _ = _session(tmp_path, DRILL)
    session.start()
    slot = _explain_slot(session)
    session.check(slot, "explanation", "words")
    with pytest.raises(SessionError, match="numbered 1–"):
        session.self_assess(slot, "explanation", [len(WEIGHTS)])


def test_plain_runner_asks_for_numbered_points_after_an_exam(tmp_path: Path):
    session, _ = _session(tmp_path, EXAM)
    slot = _explain_slot(session)
    numeric = session.transcript.questions[1 - slot].parts[0].expected
    answers = ["My explanation.", numeric] if slot == 0 else [numeric, "My explanation."]
    out = io.StringIO()
    lines = ["", *answers, "finish", "yes", "9", "1 2"]
    PlainRunner(session, io.StringIO("\n".join(lines) + "\n"), out).run()
    text = out.getvalue()
    assert "Model answer:" in text and "  1. " + EXPLAIN.concept.rubric[0].point in text
    assert '! could not read "9"' in text, "an out-of-range tick is explained, then asked again"
    record = session.transcript.questions[slot].part("explanation")
    assert record.ticked == [0, 1]
    assert "self-assessed" in text.split("=== Results")[1]


def test_plain_runner_ticks_right_after_the_answer_with_feedback(tmp_path: Path):
    session, _ = _session(tmp_path, DRILL)
    slot = _explain_slot(session)
    lines = [""] + (["Because of reasons.", "all"] if slot == 0 else ["skip", "Because.", "all"])
    out = io.StringIO()
    PlainRunner(session, io.StringIO("\n".join(lines) + "\nquit\n"), out).run()
    assert session.transcript.questions[slot].part("explanation").score == 1.0
    assert "self-assessed: " in out.getvalue()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_exports_label_self_assessed_scores_and_show_the_rubric(tmp_path: Path, fmt: str):
    session, _ = _session(tmp_path, EXAM)
    session.start()
    slot = _explain_slot(session)
    session.answer(slot, "explanation", "My <b>own</b> words")
    session.finish()
    session.self_assess(slot, "explanation", [0])
    text = export_session(session.transcript, fmt)
    share = WEIGHTS[0] / sum(WEIGHTS)
    assert f"self-assessed {share:.0%}" in text
    assert "points self-assessed" in text
    assert EXPLAIN.concept.rubric[0].point.split()[0] in text
    assert "<b>own</b>" not in text, "the candidate's prose is escaped"


def test_schema_1_transcripts_load_and_gain_empty_explain_fields(tmp_path: Path):
    session, store = _session(tmp_path, EXAM)
    data = json.loads(store.path(session.transcript.id).read_text())
    for question in data["questions"]:
        for part in question["parts"]:
            del part["rubric"], part["ticked"]
    data["schema"] = 1
    data["results"] = None
    store.path(session.transcript.id).write_text(json.dumps(data))
    loaded = store.load(session.transcript.id)
    assert loaded.schema == SCHEMA == 2
    assert all(p.rubric == [] and p.ticked is None for q in loaded.questions for p in q.parts)
    assert Transcript.from_json(data).schema == SCHEMA


def test_an_unknown_future_schema_is_still_refused():
    from interview_sim.engine.transcript import TranscriptError

    with pytest.raises(TranscriptError, match="not supported"):
        Transcript.from_json({"schema": 99})


@pytest.mark.parametrize("seed", range(8))
def test_rapid_fire_mixes_short_concept_items_with_numeric_families(seed: int):
    picks = [get(fid) for _, fid in choose_families(find_preset("rapid-fire"), seed)]
    concepts = [f for f in picks if f.kind == "concept"]
    assert len(concepts) == 5 and len(picks) - len(concepts) == 5
    assert all(f.concept.difficulty <= 2 and f.concept.kind != "explain" for f in concepts)
    assert choose_families(find_preset("rapid-fire"), seed) == choose_families(
        find_preset("rapid-fire"), seed
    )


def test_concept_drill_is_conceptual_only_and_needs_a_chapter():
    picks = choose_families(find_preset("concept-drill"), 3, chapter="bayesian")
    assert len(picks) == 8
    assert all(get(fid).kind == "concept" and get(fid).chapter == "bayesian" for _, fid in picks)
    assert {title for title, _ in picks} == {CHAPTERS["bayesian"]}, "titled by its chapter"
    with pytest.raises(PresetError, match="--chapter"):
        choose_families(find_preset("concept-drill"), 3)


@pytest.mark.parametrize("seed", range(5))
def test_mock_exam_feature_extraction_includes_a_code_reading_item(seed: int):
    picks = choose_families(find_preset("mock-exam"), seed)
    section = [get(fid) for title, fid in picks if title == "Feature extraction"]
    codes = [f for f in section if f.kind == "concept"]
    assert len(codes) == 1 and codes[0].concept.kind == "code"
    assert "Feature extraction" in codes[0].concept.exam_sections
    assert len({title for title, _ in picks}) == 6


def test_an_unknown_concept_filter_names_the_known_ones(tmp_path: Path):
    preset = write_preset(
        tmp_path, 'name = "x"\ntitle = "X"\n[[sections]]\nfamilies = ["concepts:hard"]\n'
    )
    with pytest.raises(PresetError, match="unknown concept filter 'hard'.*short"):
        choose_families(preset, 1)
