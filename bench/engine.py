"""``python -m bench.engine``: the session engine's speed goals.

Building a mock exam (target ≤ 100 ms), saving one event (target p99 ≤ 10 ms; atomic write with
fsync), and loading a history of 1,000 sessions for ``stats`` (target ≤ 1 s).
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from bench.core import summarize, time_calls
from interview_sim.engine.presets import find_preset
from interview_sim.engine.session import Session
from interview_sim.stats import statistics
from interview_sim.store.sessions import SessionStore


def graded_mock_exam(seed: int) -> Session:
    session = Session.create(find_preset("mock-exam"), seed)
    session.start()
    for question in session.transcript.questions:
        for part in question.parts:
            session.answer(question.slot, part.id, part.expected)
    session.finish()
    return session


def main(builds: int = 100, saves: int = 1000, history: int = 1000) -> None:
    Session.create(find_preset("mock-exam"), 0)  # warm imports and caches
    build = summarize(
        time_calls(lambda i: Session.create(find_preset("mock-exam"), 1000 + i), builds)
    )

    # a realistic transcript: a fresh mock exam every 100 events (a whole exam is ~25-60 events);
    # only the answer call (which saves) is timed
    samples, sizes = [], []
    with tempfile.TemporaryDirectory() as root:
        store = SessionStore(Path(root))
        for round_ in range(saves // 100):
            session = store.create(Session.create(find_preset("mock-exam"), 7 + round_))
            session.start()
            part = session.current.parts[0].id
            for i in range(100):
                start = time.perf_counter()
                session.answer(0, part, str(i))
                samples.append(time.perf_counter() - start)
            sizes.append(store.path(session.transcript.id).stat().st_size)
    save, size = summarize(samples), max(sizes)

    with tempfile.TemporaryDirectory() as root:
        store = SessionStore(Path(root))
        template = graded_mock_exam(3).transcript
        for index in range(history):
            store.save(dataclasses.replace(template, id=f"s{index:05d}", created_at=index))
        loads = []
        for _ in range(5):
            start = time.perf_counter()
            transcripts, _ = store.transcripts()
            statistics(transcripts)
            loads.append(time.perf_counter() - start)
        load = summarize(loads)

    print(f"{'benchmark':<44} {'n':>6} {'median ms':>10} {'p99 ms':>10} {'max ms':>10}  target")
    for name, stats, target in (
        ("build a mock exam", build, "≤ 100 ms"),
        (f"save one event (transcript ≤ {size / 1024:.0f} KiB, fsync)", save, "p99 ≤ 10 ms"),
        (f"load {history} sessions + stats", load, "≤ 1000 ms"),
    ):
        print(
            f"{name:<44} {stats['n']:>6} {stats['median_ms']:>10.2f} {stats['p99_ms']:>10.2f} "
            f"{stats['max_ms']:>10.2f}  {target}"
        )


if __name__ == "__main__":
    main()
