"""Review benchmarks: the due list and the interview plan over 10,000 cards (target ≤ 50 ms each).

``python -m bench.review``. The cards get a genuine FSRS history: each is reviewed 1–8 times over
the last 120 days through the scheduler (ratings mostly Good, some Again/Hard/Easy), from a fixed
seed, so due dates and stabilities spread as they would in a long-used collection. Reading and
validating the state file is timed too, separately (it is paid once per command).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating

from bench.core import summarize, time_calls
from interview_sim.review.cards import CardInfo
from interview_sim.review.due import review_queue
from interview_sim.review.plan import make_plan
from interview_sim.review.state import ReviewState, make_scheduler, read_state, save_state

TARGET_MS = 50.0
CHAPTERS = ("logistic_regression", "bayesian", "information_theory", "calculus", "ensembles")


def collection(n: int, now: datetime, seed: int = 13) -> tuple[ReviewState, list[CardInfo]]:
    rng = random.Random(seed)
    scheduler = make_scheduler()
    state = ReviewState()
    cards = [CardInfo(f"card_{i:05d}", CHAPTERS[i % len(CHAPTERS)], f"Card {i}") for i in range(n)]
    ratings = [Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Good, Rating.Easy]
    for card in cards[: n * 9 // 10]:  # a tenth never studied
        at = now - timedelta(days=rng.uniform(20, 120))
        for _ in range(rng.randint(1, 8)):
            if at >= now:
                break
            memory = state.review(card.id, rng.choice(ratings), at, rng.getrandbits(48), scheduler)
            at = max(memory.due, at + timedelta(hours=1))
    return state, cards


def timed(call, n: int) -> dict:
    samples = time_calls(call, n)
    return summarize(samples) | {"min_ms": min(samples) * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.review", description=__doc__)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--days", type=int, default=30, help="interview this many days ahead")
    args = parser.parse_args()
    now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    state, cards = collection(args.cards, now)
    target = (now + timedelta(days=args.days)).date()
    plan = make_plan(state, cards, target, now)
    with tempfile.TemporaryDirectory() as tmp:
        save_state(Path(tmp), state)
        path = Path(tmp) / "review" / "state.json"
        size = path.stat().st_size
        load = timed(lambda _: read_state(path), max(5, args.calls // 3))
    rows = {
        "due list": timed(lambda _: review_queue(state, cards, now, 10), args.calls),
        f"plan ({args.days} days)": timed(
            lambda _: make_plan(state, cards, target, now), args.calls
        ),
        f"read + validate state ({size / 1e6:.1f} MB)": load,
    }
    studied = len(state.cards)
    planned = sum(due for _, due in plan.days)
    print(f"{args.cards} cards, {studied} studied; plan: {planned} reviews over {args.days} days")
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load_average} on {os.cpu_count()} CPU(s): read p99 in that light")
    print(f"{'':<34} {'n':>4} {'min ms':>8} {'median ms':>10} {'p99 ms':>10}  target")
    for name, stats in rows.items():
        budgeted = not name.startswith("read")
        verdict = ("ok" if stats["p99_ms"] <= TARGET_MS else "OVER") if budgeted else "(once)"
        print(
            f"{name:<34} {stats['n']:>4} {stats['min_ms']:>8.2f} {stats['median_ms']:>10.2f} "
            f"{stats['p99_ms']:>10.2f}  "
            f"{'≤ 50 ms ' + verdict if budgeted else verdict}"
        )
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(bench ran in {time.perf_counter() - started:.1f} s)")
    raise SystemExit(code)
