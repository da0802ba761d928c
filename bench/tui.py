"""TUI benchmarks (run by hand: ``.venv/bin/python -m bench.tui``).

1. Cold start: process start → the home screen is ready (``App.on_ready``), measured in fresh
   subprocesses running the real entry point with ``INTERVIEW_SIM_TUI_EXIT_ON_READY`` set (the app
   writes the ready time to a file and exits; it runs headless, so terminal set-up is not counted).
   Target: median and max ≤ 1.0 s.
2. Key-press → screen update while a symbolic check runs in the thread worker: keys typed into one
   part while another part's expression is being checked; the time from posting the key event
   to the first composed frame that shows it (``App._display``). Target ≤ 50 ms.
3. Question switch: pgdn/pgup through the mock exam (every section) at 80×24 and 160×50, from
   posting the key to the first composed frame after the new question is shown (header, palette
   and both panes updated), for (a) visited and (b) unvisited questions. Target: p90 ≤ 100 ms.
4. Key → frame while idle (no check running) in the timed mock exam at a person's pace, with the
   countdown, draft saves, the build-ahead of views and page switches going on, and the pauses
   of the garbage collector's full passes meanwhile. Target ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TARGET = 1.0
KEY_TARGET = 0.050
SWITCH_TARGET = 0.100
CHECK_SECONDS = 1.0
SWITCH_KINDS = ("visited", "unvisited, built ahead", "unvisited, built on the key")


def cold_start(runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "ready"
        env = dict(
            os.environ,
            INTERVIEW_SIM_TUI_EXIT_ON_READY=str(stamp),
            INTERVIEW_SIM_HOME=str(Path(tmp) / "data"),
        )
        code = (
            "import argparse; from interview_sim.tui.app import run_tui; "
            "raise SystemExit(run_tui(argparse.Namespace()))"
        )
        for _ in range(runs):
            stamp.unlink(missing_ok=True)
            started = time.time()
            subprocess.run(
                [sys.executable, "-c", code],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            times.append(float(stamp.read_text()) - started)
    return times


async def _settle(pilot, app) -> None:
    await pilot.pause()
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def _key_to_display(app, field, char: str) -> float | None:
    """Post one key; the time until a frame that shows it is composed (or None after 5 s)."""
    from textual import events

    want = field.value + char
    started = time.perf_counter()
    shown: list[float] = []
    original = app._display

    def display(screen, renderable):
        if renderable is not None and field.value == want and not shown:
            shown.append(time.perf_counter())
        return original(screen, renderable)

    app._display = display
    try:
        app.post_message(events.Key(char, char))
        while not shown and time.perf_counter() - started < 5.0:
            await asyncio.sleep(0.0005)
    finally:
        app._display = original
    return shown[0] - started if shown else None


async def key_latency(rounds: int, load: str) -> tuple[list[float], int]:
    """Latencies of keys pressed while an expression check is pending, and how many checks ran."""
    sys.path.insert(0, str(ROOT))
    from interview_sim.store.sessions import SessionStore
    from interview_sim.tui.app import InterviewApp

    with tempfile.TemporaryDirectory() as tmp:
        clock_now = [1_700_000_000.0]
        app = InterviewApp(
            SessionStore(Path(tmp)),
            lambda: clock_now[0],
            preset="practice",
            family="lr_linear_predictor_prob",
            seed=5,
            blink=False,
        )
        latencies: list[float] = []
        checks = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await _settle(pilot, app)
            await pilot.press("enter")  # start
            await _settle(pilot, app)
            screen = app.screen

            async def expression_part():
                for _ in range(30):  # not every variant asks for a formula
                    fields = screen.fields()
                    found = [f for f in fields if f.record.kind == "expression"]
                    if found:
                        return found[0], next(f for f in fields if f is not found[0])
                    await pilot.press("ctrl+n")
                    await _settle(pilot, app)
                raise RuntimeError("no variant with an expression part in 30 tries")

            target, other = await expression_part()
            session = screen.session
            real_check = session.check

            def slow_check(index, part_id, text):
                # Real checks of this answer take 2–140 ms once the sympy worker is warm: too
                # short to type into. Repeat the real symbolic check for CHECK_SECONDS in the
                # worker thread (in-process parsing plus round trips to the sympy process), then
                # record it through the engine as usual.
                from interview_sim.answers.check import check

                part = session.variant(session.transcript.current).part(part_id)
                until = time.perf_counter() + CHECK_SECONDS
                if load == "wait":  # waiting on the sympy process: the GIL is released
                    check(part, text)
                    time.sleep(max(0.0, until - time.perf_counter()))
                while load == "cpu" and time.perf_counter() < until:
                    check(part, text)  # CPU-bound Python in the worker thread: holds the GIL
                return real_check(index, part_id, text)

            if load != "idle":
                session.check = slow_check
            for _ in range(rounds):
                # an equivalent form the checker must verify symbolically (attempts do not run
                # out: the correct answer locks the part, so use a fresh variant each round)
                target.input.value = f"({target.record.expected})*(sin(X)^2 + cos(X)^2)"
                target.input.focus()
                await pilot.press("enter")
                checks += 1
                other.input.focus()
                other.input.value = ""
                for char in "0.12345678" * 2:
                    if load != "idle" and not screen.pending:
                        break
                    latency = await _key_to_display(app, other.input, char)
                    if latency is not None:
                        latencies.append(latency)
                await _settle(pilot, app)
                await pilot.press("ctrl+n")  # next variant (same family): a fresh expression part
                await _settle(pilot, app)
                target, other = await expression_part()
        return latencies, checks


def _mock_exam(seed: int, clock, tmp: str):
    """An InterviewApp opening the mock exam (every section) with this exam seed."""
    from interview_sim.store.sessions import SessionStore
    from interview_sim.tui.app import InterviewApp

    store = SessionStore(Path(tmp) / str(seed))
    return InterviewApp(store, clock, preset="mock-exam", seed=seed, blink=False)


async def question_switch(size: tuple[int, int], seeds: list[int]) -> dict[str, list[float]]:
    """pgdn/pgup latencies in the mock exam at ``size``: from posting the key to the first
    composed frame after the new question is shown (header, palette and both panes updated).

    (b) unvisited: right after the exam starts, pgdn through every question, each pressed
    50 ms after the previous one is on screen. Once with the idle build-ahead working as usual
    (the views are built while the exam starts and the first question is read), and once, in a
    second exam, with it held off until the end of the pass, so every view is built on the key
    (the worst case: a candidate paging through before any idle moment). (a) visited: once
    every view is built, pgup/pgdn back and forth through the exam twice. Two exams per seed.
    """
    sys.path.insert(0, str(ROOT))
    samples: dict[str, list[float]] = {
        f"{kind}{cpu}": [] for kind in SWITCH_KINDS for cpu in ("", ", UI-thread CPU")
    }
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            for hold_off in (False, True):
                app = _mock_exam(seed + 1000 * hold_off, lambda: 1_700_000_000.0, tmp)
                await _switch_through(app, size, samples, hold_off)
    return samples


async def _switch_through(
    app, size: tuple[int, int], samples: dict[str, list[float]], hold_off: bool
) -> None:
    from textual import events

    from interview_sim.tui.screens.question import QuestionScreen

    build_ahead = QuestionScreen.build_ahead
    if hold_off:

        async def held_off(screen) -> None:
            screen.build_timer = None

        QuestionScreen.build_ahead = held_off

    async with app.run_test(size=size) as pilot:
        await _settle(pilot, app)
        await pilot.press("enter")
        await _settle(pilot, app)
        screen = app.screen
        total = len(screen.session.transcript.questions)
        original_show, original_display = screen.show_question, app._display
        done: list[float] = []
        shown: list[tuple[float, float]] = []  # (wall, UI-thread CPU) when the frame is composed

        async def show_question() -> None:
            await original_show()
            done.append(time.perf_counter())

        def display(target, renderable):
            if done and not shown and renderable is not None:
                shown.append((time.perf_counter(), time.thread_time()))
            return original_display(target, renderable)

        async def switch(key: str) -> tuple[float, float] | None:
            """(wall, CPU) seconds from the key to the frame: on a machine shared with other
            work the wall time includes waiting for a core; the UI thread's CPU time does not."""
            done.clear()
            shown.clear()
            started, cpu = time.perf_counter(), time.thread_time()
            app.post_message(events.Key(key, None))
            while not shown and time.perf_counter() - started < 5.0:
                await asyncio.sleep(0.0005)
            return (shown[0][0] - started, shown[0][1] - cpu) if shown else None

        def record(kind: str, latency: tuple[float, float] | None) -> None:
            if latency is not None:
                samples[kind].append(latency[0])
                samples[f"{kind}, UI-thread CPU"].append(latency[1])

        screen.show_question = show_question
        app._display = display
        for _ in range(total - 1):  # (b) first visits, at once
            built = screen.session.transcript.current + 1 in screen.views
            latency = await switch("pagedown")
            record(f"unvisited, built {'ahead' if built else 'on the key'}", latency)
            await asyncio.sleep(0.05)
        QuestionScreen.build_ahead = build_ahead
        screen.schedule_build_ahead()
        for _ in range(100):  # let the build-ahead finish the earlier questions
            if not screen.unbuilt_slots():
                break
            await asyncio.sleep(0.1)
        for key in (["pageup"] * (total - 1) + ["pagedown"] * (total - 1)) * 2:
            record("visited", await switch(key))  # (a) revisits
            await asyncio.sleep(0.05)
        app._display = original_display


async def idle_keys(size: tuple[int, int], seed: int, seconds: float) -> dict[str, list[float]]:
    """Key → frame latency while no check runs, at a person's pace, in the timed mock exam on
    the real clock: bursts of keys 120 ms apart, pauses of 0.7-1.3 s (the draft is saved, the
    countdown ticks), a pgdn every other burst (views built ahead meanwhile). Also the pauses of
    the garbage collector's full passes in that time, which stop every thread."""
    import gc

    sys.path.insert(0, str(ROOT))
    latencies: list[float] = []
    pauses: list[float] = []
    began: list[float] = []

    def collected(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                began.append(time.perf_counter())
            elif began:
                pauses.append(time.perf_counter() - began.pop())

    with tempfile.TemporaryDirectory() as tmp:
        app = _mock_exam(seed, time.time, tmp)
        async with app.run_test(size=size) as pilot:
            await _settle(pilot, app)
            await pilot.press("enter")
            await _settle(pilot, app)
            screen = app.screen
            gc.callbacks.append(collected)
            try:
                until, burst = time.perf_counter() + seconds, 0
                while time.perf_counter() < until:
                    for char in "0.1234":
                        field = screen.focused
                        if field is None or not hasattr(field, "value"):
                            break
                        latency = await _key_to_display(app, field, char)
                        if latency is not None:
                            latencies.append(latency)
                        await asyncio.sleep(0.12)
                    await asyncio.sleep(0.7 if burst % 2 else 1.3)
                    if burst % 2:
                        key = "pagedown" if burst % 8 < 4 else "pageup"
                        await pilot.press(key)
                        await asyncio.sleep(0.15)
                    burst += 1
            finally:
                gc.callbacks.remove(collected)
    return {"keys": latencies, "full collections": pauses}


def report(name: str, values: list[float], target: float, unit: str = "s") -> None:
    scale = 1000.0 if unit == "ms" else 1.0
    if not values:
        print(f"{name}: no samples")
        return
    median, worst = statistics.median(values), max(values)
    p90 = sorted(values)[int(0.9 * (len(values) - 1))]
    verdict = "ok" if worst <= target else ("median ok" if median <= target else "OVER")
    print(
        f"{name}: n={len(values)} median {median * scale:.3f} {unit}  p90 {p90 * scale:.3f} {unit}"
        f"  max {worst * scale:.3f} "
        f"{unit}  (target ≤ {target * scale:g} {unit}: {verdict})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="cold starts to time (≥ 10)")
    parser.add_argument("--rounds", type=int, default=5, help="checks to type through")
    parser.add_argument("--exams", type=int, default=3, help="mock exams (seeds) per size")
    parser.add_argument("--idle", type=float, default=30.0, help="seconds of idle typing")
    parser.add_argument(
        "--only-switch", action="store_true", help="only the question-switch and idle-key runs"
    )
    args = parser.parse_args(argv)
    for size in ((80, 24), (160, 50)):
        where = f"{size[0]}×{size[1]}"
        samples = asyncio.run(question_switch(size, list(range(7, 7 + args.exams))))
        for kind in samples:
            report(f"question switch {where}, {kind}", samples[kind], SWITCH_TARGET, "ms")
    idle = asyncio.run(idle_keys((80, 24), 7, args.idle))
    report("key → screen update, idle in the mock exam (80×24)", idle["keys"], KEY_TARGET, "ms")
    report("  full garbage collections meanwhile", idle["full collections"], KEY_TARGET, "ms")
    if args.only_switch:
        return 0
    report("cold start to interactive home", cold_start(args.runs), START_TARGET)
    for load, what in (
        ("idle", "no check running (baseline)"),
        ("wait", "a check waiting 1 s on the sympy process"),
        ("cpu", "a check doing 1 s of CPU-bound symbolic work in the thread (worst case)"),
    ):
        latencies, _ = asyncio.run(key_latency(args.rounds, load))
        report(f"key → screen update, {what}", latencies, KEY_TARGET, "ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
