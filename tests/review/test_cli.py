"""The ``review`` and ``plan`` commands, end to end through ``main``."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from interview_sim.cli import main
from interview_sim.review.cards import all_cards
from interview_sim.review.due import build_review_session, review_queue
from interview_sim.review.state import ReviewState, read_state, state_path

TODAY = datetime.now(UTC).date()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_review_lists_due_and_new_per_chapter_on_a_fresh_data_dir(tmp_path, capsys):
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "review", "--list", "--new", "3")
    assert code == 0
    assert out.startswith("Due today: 0 to review, 3 new (at most 3 new a day;")
    assert "Logistic regression" in out


def test_a_plain_review_with_a_seed_rates_good_and_skips_the_unreadable(
    tmp_path, capsys, monkeypatch
):
    queue = review_queue(ReviewState(), all_cards(), datetime.now(UTC), 2)
    questions = build_review_session(queue, ReviewState(), 11, lambda: 0.0).transcript.questions
    lines = ["start", *[p.expected for p in questions[0].parts], *["@@", "skip"] * 6]
    lines += ["finish", "yes"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    argv = ["--data-dir", str(tmp_path), "review", "--plain", "--new", "2", "--seed", "11"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    first, second = questions[0].family, questions[1].family
    scheduled = out.split("Scheduled (FSRS):")[1]
    assert f"{first}" in scheduled and "Good" in scheduled
    assert f"{second:<34} not rated" in scheduled
    state = read_state(state_path(tmp_path))
    assert set(state.cards) == {first}
    assert state.cards[first].due.date() > TODAY, "a Good review is not due again today"
    assert state.cards[first].last_seed == questions[0].seed


def test_plan_json_has_exactly_the_documented_shape(tmp_path, capsys):
    date = (TODAY + timedelta(days=5)).isoformat()
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "plan", "--date", date, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"date", "cards", "days"} and data["date"] == date
    assert len(data["cards"]) == len(all_cards())
    assert all(set(c) == {"id", "chapter", "predicted_recall"} for c in data["cards"])
    assert [d["date"] for d in data["days"]] == [
        (TODAY + timedelta(days=n)).isoformat() for n in range(5)
    ]
    assert all(set(d) == {"date", "due"} and d["due"] == 0 for d in data["days"])


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2020-01-01", "is in the past"),
        ("tomorrow", "expected YYYY-MM-DD"),
        ("2026-02-29", "not a calendar date"),
    ],
)
def test_plan_refuses_bad_dates_in_one_line(tmp_path, capsys, date, message):
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "plan", "--date", date)
    assert code == 2 and out == ""
    assert err.startswith("interview-sim: ") and message in err and err.count("\n") == 1


def test_review_reports_a_damaged_state_and_keeps_it(tmp_path, capsys):
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"schema": 1, "cards": ')
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "review", "--list")
    assert code == 0 and "damaged" in err and "no review is lost" in err
    assert len(list(path.parent.glob("state.damaged-*.json"))) == 1


@pytest.mark.parametrize(
    ("settings", "message"),
    [("new_per_day = -1", "whole number"), ("daily = 3", "unknown key"), ("new_per_day =", "TOML")],
)
def test_bad_review_settings_are_reported(tmp_path, capsys, settings, message):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "settings.toml").write_text(settings)
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "review", "--list")
    assert code == 2 and message in err and "settings.toml" in err


def test_the_settings_file_sets_the_daily_cap(tmp_path, capsys):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "settings.toml").write_text("new_per_day = 1\n")
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "review", "--list")
    assert "1 new (at most 1 new a day" in out
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "review", "--list", "--new", "0")
    assert "0 new (at most 0 new a day" in out and "Nothing to review now." in out
