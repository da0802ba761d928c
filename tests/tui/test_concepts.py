"""Pilot tests: every concept kind answered through the question screen, and explain answers
self-assessed with rubric checkboxes (right after the answer, or after submitting an exam)."""

from __future__ import annotations

import textwrap

from interview_sim.engine.build import record_variant
from interview_sim.registry import all_families
from interview_sim.tui.screens.question import QuestionScreen
from interview_sim.tui.screens.results import ResultsScreen
from interview_sim.tui.screens.rubric import RubricScreen

from .conftest import make_app, screen_text, settle
from .test_flows import SIZE, finish, start, type_into

CONCEPTS = all_families(kind="concept")
EXPLAIN = next(f for f in CONCEPTS if f.concept.kind == "explain")


def one_of_each_kind():
    """A concept family per item kind (code twice: with options and with an exact answer)."""
    chosen = {}
    for family in CONCEPTS:
        item = family.concept
        key = (item.kind, bool(item.options) if item.kind == "code" else None)
        chosen.setdefault(key, family)
    return list(chosen.values())


async def tick_first_point_and_confirm(pilot, app) -> None:
    assert isinstance(app.screen, RubricScreen)
    assert "Model answer" in screen_text(app)
    await pilot.press("space")  # the first checkbox has the focus
    await pilot.press("ctrl+s")
    await settle(pilot, app)


async def test_every_concept_kind_is_answerable_and_explain_is_ticked(data_dir, clock):
    app = make_app(data_dir, clock, preset="concept-drill", chapter="deep_learning", seed=5)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        session = screen.session
        families = one_of_each_kind()
        assert len(families) == 7
        for family in families:
            record = record_variant(0, "Concepts", family.variant(2))
            session.transcript.questions[0] = record
            session.transcript.questions[0].family = family.id
            session._variants.clear()
            await screen.show_question()
            screen.load_variant(0)
            for field in screen.fields():
                text = "In my words." if field.record.kind == "explain" else field.record.expected
                await type_into(pilot, field, text)
                await pilot.press("enter")
                await settle(pilot, app)
                if field.record.kind == "explain":
                    await tick_first_point_and_confirm(pilot, app)
                    assert isinstance(app.screen, QuestionScreen)
                    assert field.record.final["verdict"] == "self_assessed"
                    assert field.record.ticked == [0]
                    continue
                status = str(field.query_one(".part-status").render())
                assert "Correct" in status, (family.id, field.record.kind, status)


async def test_an_exam_asks_for_rubric_ticks_before_the_results(data_dir, clock):
    (data_dir / "presets" / "talk.toml").write_text(
        textwrap.dedent(
            f"""
            name = "talk"
            title = "Talk exam"
            duration_minutes = 10
            feedback = "end"

            [[sections]]
            title = "Talk"
            families = ["{EXPLAIN.id}"]
            """
        ),
        encoding="utf-8",
    )
    app = make_app(data_dir, clock, preset="talk", seed=4)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, app)
        (field,) = screen.fields()
        await type_into(pilot, field, "Because it generalises better.")
        await pilot.press("enter")
        await settle(pilot, app)
        await finish(pilot, app)
        await tick_first_point_and_confirm(pilot, app)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "self-assessed" in text
        results = app.screen.transcript.results
        assert 0 < results["percent"] < 100
        assert results["self_assessed"]["score"] == results["score"]
