"""Pilot tests of what a real candidate meets: the problem stays in view while answering, one
input rule and every ask once per question, tutor-worded feedback, review keys, what the drill
picker and the command palette offer, and the small wording fixes."""

from __future__ import annotations

import re
import textwrap

from interview_sim.answers.check import value_text
from interview_sim.tui.commands import InterviewCommands
from interview_sim.tui.screens.modals import Confirm, Picker, finish_body
from interview_sim.tui.screens.review import ReviewScreen

from .conftest import make_app, screen_text, settle
from .test_flows import answer_everything, finish, start, type_into


def one_family_preset(data_dir, family: str, *, feedback: str = "end", minutes: int = 10) -> str:
    """A two-question preset of one family, written into the test's data dir."""
    name = f"only-{family.replace('_', '-')}-{feedback}"
    attempts = 0 if feedback == "end" else 3
    (data_dir / "presets" / f"{name}.toml").write_text(
        textwrap.dedent(
            f"""
            name = "{name}"
            title = "Only {family}"
            description = "Two {family} questions."
            duration_minutes = {minutes}
            feedback = "{feedback}"
            attempts = {attempts}
            show_solution = "after_attempts"

            [[sections]]
            title = "Information theory"
            families = ["{family}"]
            count = 2
            """
        ),
        encoding="utf-8",
    )
    return name


def table_headers(screen) -> list[str]:
    """The header cells of the statement's table, from its Markdown source."""
    source = screen.view.query_one("#q-statement").source
    row = next(line for line in source.splitlines() if line.startswith("|"))
    return [cell.strip() for cell in row.strip("|").split("|")]


async def test_table_and_last_part_are_both_on_screen_at_80x24(data_dir, clock):
    preset = one_family_preset(data_dir, "decision_tree_information_gain")
    app = make_app(data_dir, clock, preset=preset, seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        last = screen.fields()[-1]
        last.input.focus()
        await settle(pilot, app)
        text = screen_text(app)
        headers = table_headers(screen)
        assert len(headers) >= 3
        header_line = next(line for line in text.splitlines() if headers[1] in line)
        assert all(header in header_line for header in headers[1:])  # the table is in view
        assert last.record.prompt[:40] in text  # and so is the part being answered
        # every data row of the table too (one line per row)
        rows = [line for line in text.splitlines() if re.match(r"^\s+\d+\s{2,}\S", line)]
        source = screen.view.query_one("#q-statement").source
        table = [line for line in source.splitlines() if line.startswith("|")][2:]
        assert len(rows) == len(table) >= 5


async def test_revisiting_a_question_opens_at_its_top(data_dir, clock):
    preset = one_family_preset(data_dir, "decision_tree_information_gain")
    app = make_app(data_dir, clock, preset=preset, seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        first_view = screen.view
        screen.fields()[-1].input.focus()
        await pilot.press("ctrl+down", "ctrl+down")
        await settle(pilot, app)
        panes = list(first_view.query("VerticalScroll"))
        assert any(pane.scroll_y > 0 for pane in panes)
        await pilot.press("pagedown")
        await settle(pilot, app)
        await pilot.press("pageup")
        await settle(pilot, app)
        assert screen.view is first_view  # reused, not rebuilt
        assert all(pane.scroll_y == 0 for pane in first_view.query("VerticalScroll"))


async def test_input_rule_once_and_every_ask_once(data_dir, clock):
    preset = one_family_preset(data_dir, "decision_tree_information_gain")
    app = make_app(data_dir, clock, preset=preset, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start(pilot, app)
        hint = screen.fields()[0].record.hint
        # a part shows a hint line only when it has its own rule or attempts to count
        hints = [str(h.render()) for f in screen.fields() for h in f.query(".part-hint")]
        assert not any(hint in shown for shown in hints)  # not under the parts…
        assert hint in str(screen.view.query_one(".q-rule").render())  # …but once above them
        shown = screen.view.query_one("#q-statement").source
        for field in screen.fields():
            assert field.record.prompt in str(field.query_one(".part-prompt").render())
        assert not re.search(r"^\d+\.\s", shown, re.M), "the asks are listed once, by the inputs"


async def test_flagging_keeps_the_section_visible_at_80_columns(data_dir, clock):
    app = make_app(data_dir, clock, preset="mock-exam", seed=5)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        for _ in range(2):
            await pilot.press("pagedown")
            await settle(pilot, app)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        header = screen_text(app).splitlines()[0]
        assert "⚑" in header
        assert screen.session.current.section in header


async def test_a_recognised_slip_reads_like_a_tutor(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-drill", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, app)
        for field in screen.fields():
            part = screen.model_part(field.part_id)
            if part is not None and part.mistakes:
                break
        else:
            raise AssertionError("the drill's first question has no catalogued mistake")
        mistake = part.mistakes[0]
        await type_into(pilot, field, value_text(part, mistake.value))
        await pilot.press("enter")
        await settle(pilot, app)
        status = str(field.query_one(".part-status").render())
        assert status.count(mistake.explanation.rstrip(".")) == 1
        assert "A common slip" in status
        assert mistake.tag not in status
        assert ("credit" in status) == (mistake.credit > 0)


async def test_a_wrong_shape_says_which_dimensions_are_right(data_dir, clock):
    preset = one_family_preset(data_dir, "cnn_shape_trace", feedback="each", minutes=0)
    app = make_app(data_dir, clock, preset=preset, seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, app)
        field = next(f for f in screen.fields() if f.record.kind == "shape")
        sizes = [int(x) for x in re.findall(r"\d+", field.record.expected)]
        wrong = [*sizes[:-2], sizes[-2] - 2, sizes[-1] - 2]
        await type_into(pilot, field, "x".join(map(str, wrong)))
        await pilot.press("enter")
        await settle(pilot, app)
        status = str(field.query_one(".part-status").render())
        assert "the height and the width are not" in status
        assert "padding" in status


async def test_review_pages_between_questions_and_scrolls_with_arrows(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, app)
        await answer_everything(pilot, app, screen)
        await finish(pilot, app)
        await pilot.press("r")
        await settle(pilot, app)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("down")
        await settle(pilot, app)
        assert review.index == 0
        await pilot.press("pagedown")
        await settle(pilot, app)
        assert review.index == 1 and "question 2 of 2" in screen_text(app)
        await pilot.press("pageup")
        await settle(pilot, app)
        assert review.index == 0
        labels = [str(w.render()) for w in review.query(".review-part")]
        prompts = [p.prompt for p in review.transcript.questions[0].parts]
        assert all(prompt in label for prompt, label in zip(prompts, labels, strict=True))


async def test_drill_picker_offers_only_chapters_with_problems(data_dir, clock):
    from interview_sim.chapters import CHAPTERS
    from interview_sim.registry import all_families

    app = make_app(data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("d")
        await settle(pilot, app)
        assert isinstance(app.screen, Picker)
        offered = [key for key, _ in app.screen.rows]
        assert offered == [c for c in CHAPTERS if all_families(c)]
        assert all(re.search(r"\d+ problem type", label) for _, label in app.screen.rows)


async def test_timed_exam_palette_offers_only_the_exam_and_leaving_asks(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-exam", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, app)
        provider = InterviewCommands(screen)
        await provider.startup()
        titles = [title for title, _, _ in provider.commands]
        assert any(t.startswith("Go to question 2") for t in titles)
        assert not any(t.startswith(("Start", "Drill", "Practise")) for t in titles)
        home = dict((title, action) for title, action, _ in provider.commands)["Home"]
        home()
        await settle(pilot, app)
        assert isinstance(app.screen, Confirm)  # leaving asks first
        await pilot.press("n")
        await settle(pilot, app)
        assert app.screen is screen


async def test_untimed_practice_palette_asks_before_leaving(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-drill", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, app)
        provider = InterviewCommands(screen)
        await provider.startup()
        start_exam = next(a for t, a, _ in provider.commands if t.startswith("Start"))
        start_exam()
        await settle(pilot, app)
        assert isinstance(app.screen, Confirm)


async def test_practice_results_have_no_pass_verdict(data_dir, clock):
    app = make_app(data_dir, clock, preset="small-drill", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, app)
        await finish(pilot, app)
        text = screen_text(app)
        assert "PASS" not in text and "pass mark" not in text and "passed" not in text


def test_finish_confirmation_grammar_and_palette_legend():
    body = str(finish_body([2], [2], timed=False))
    assert "Unanswered: question 3" in body and "Flagged: question 3" in body
    assert "questions 2, 4" in str(finish_body([1, 3], [], timed=False))
    from interview_sim.tui.widgets.palette import PaletteStrip

    strip = PaletteStrip()
    strip.show([], 0)
    assert "◐" in str(strip.render())


async def test_a_failing_background_job_is_told_not_left_waiting(data_dir, clock, monkeypatch):
    from interview_sim.store.sessions import SessionStore

    def broken(self, clock):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(SessionStore, "transcripts", broken)
    app = make_app(data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        told = " ".join(n.message for n in app._notifications)
        assert "Could not load your history: the disk went away" in told


async def test_every_shipped_preset_on_home_has_its_key(data_dir, clock):
    app = make_app(data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        text = screen_text(app)
        for key, title in [("k", "Concept drill"), ("m", "Job-interview mock exam")]:
            assert f"[{key}] {title}" in text
        await pilot.press("k")  # the concept drill asks for its chapter first
        await settle(pilot, app)
        assert isinstance(app.screen, Picker)
