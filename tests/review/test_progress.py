"""Review statistics: retention per week and predicted recall per chapter, in `stats`."""

from __future__ import annotations

import json

from fsrs import Rating

from interview_sim.cli import main
from interview_sim.review.cards import all_cards
from interview_sim.review.progress import bar, recall_by_chapter, retention_by_week
from interview_sim.review.ratings import rate
from interview_sim.review.state import load_state, utc
from interview_sim.store.sessions import SessionStore
from tests.engine.helpers import FakeClock, wrong_text
from tests.review.helpers import review_once, right


def test_retention_and_recall_follow_the_reviews(tmp_path, capsys):
    store, clock = SessionStore(tmp_path), FakeClock()
    for day, answers in enumerate([right, lambda p: [wrong_text(p)] * 3, right]):
        review_once(store, clock, answers, exam_seed=40 + day, new_cap=3)
        clock.advance(8 * 86400)  # a new ISO week each time
    transcripts = store.transcripts()[0]
    ratings = [rate(q) for t in transcripts for q in t.questions]
    weeks = retention_by_week(transcripts)
    assert len(weeks) == 3
    assert sum(w.reviews for w in weeks) == sum(r is not None for r in ratings)
    assert sum(w.recalled for w in weeks) == sum(r not in (None, Rating.Again) for r in ratings)
    assert weeks[0].retention == 1.0 and weeks[1].retention == 0.0

    state, _ = load_state(store.root, transcripts, clock)
    rows = recall_by_chapter(state, all_cards(), utc(clock()))
    assert sum(r.cards for r in rows) == len(all_cards())
    assert sum(r.studied for r in rows) == len(state.cards)
    assert all(r.mean_recall is None or 0 < r.mean_recall <= 1 for r in rows)

    assert main(["--data-dir", str(tmp_path), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["review"]
    assert [w["reviews"] for w in data["retention"]] == [w.reviews for w in weeks]
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "retention (share of reviews recalled) per week" in out
    assert "predicted recall now, per chapter" in out


def test_bars_fill_in_proportion():
    assert bar(0.0, 10) == "░" * 10 and bar(1.0, 10) == "█" * 10
    assert bar(0.6, 10) == "█" * 6 + "░" * 4 and bar(7.0, 4) == "█" * 4
