"""Crash-safety trials: a real ``interview-sim run --plain`` process killed with SIGKILL.

Each trial starts a timed session, types answers one by one (waiting for the runner's "saved"
acknowledgement), then sends one more answer and SIGKILLs the process after a random delay, so
the kill lands anywhere in parsing, saving or printing. Then it checks that the transcript is
readable, that every acknowledged answer is in it, and that ``resume`` shows the remaining time
derived from the stored deadline to within a second. The test suite runs 20 trials; run
``python -m bench.crash 100`` for the benchmark's 100.
"""

from __future__ import annotations

import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from interview_sim.store.sessions import SessionStore

PRESET = """
name = "crashtest"
title = "Crash test"
duration_minutes = 30

[[sections]]
title = "Odds"
families = ["lr_odds_logodds"]
count = 3
"""
ANSWERS = ["0.1", "1/3", "-2.5e-1", "7/9", "ln(3)", "0.42", "3/4", "1e-2", "0.5"]


def _command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "interview_sim.cli", "--data-dir", str(data_dir), *args]


def _read_until(process: subprocess.Popen, marker: str, timeout: float = 30.0) -> str:
    """Read the runner's output until ``marker`` appears (prompts end without a newline)."""
    buffer = b""
    fd = process.stdout.fileno()
    deadline = time.monotonic() + timeout
    while marker.encode() not in buffer:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {marker!r} within {timeout} s; got:\n{buffer.decode()}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("the runner exited early:\n" + buffer.decode())
            buffer += chunk
    return buffer.decode()


def run_trial(work: Path, rng: random.Random) -> dict:
    """One kill-and-resume trial; raises AssertionError on any lost answer or wrong clock."""
    data_dir = work / "data"
    preset = work / "crashtest.toml"
    preset.write_text(PRESET)
    process = subprocess.Popen(
        _command(data_dir, "run", str(preset), "--seed", str(rng.randrange(10**6)), "--plain"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        _read_until(process, "to begin")
        before_start = time.time()
        process.stdin.write("\n")
        process.stdin.flush()
        _read_until(process, "=== Question 1")
        after_start = time.time()
        acknowledged = []
        for text in ANSWERS[: rng.randrange(0, len(ANSWERS))]:
            process.stdin.write(text + "\n")
            process.stdin.flush()
            _read_until(process, "saved")
            acknowledged.append(text)
        process.stdin.write(ANSWERS[len(acknowledged) % len(ANSWERS)] + "\n")
        process.stdin.flush()
        time.sleep(rng.uniform(0, 0.03))
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()

    store = SessionStore(data_dir)
    (session_id,) = store.ids()
    transcript = store.load(session_id)  # readable: a torn file would raise CorruptSession
    typed = [p.text for q in transcript.questions for p in q.parts]
    assert typed[: len(acknowledged)] == acknowledged, (typed, acknowledged)
    assert before_start + 1800 - 1 <= transcript.deadline <= after_start + 1800 + 1

    before = time.time()
    shown = subprocess.run(
        _command(data_dir, "resume", session_id, "--plain"),
        input="quit\n",
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    after = time.time()
    minutes, seconds = map(int, re.search(r"(\d+):(\d\d) left", shown).groups())
    remaining = minutes * 60 + seconds
    assert transcript.deadline - after - 1 <= remaining <= transcript.deadline - before + 1
    for text in acknowledged:
        question_shown = f"(saved: {text})" in shown
        assert question_shown or _on_other_question(transcript, text), (text, shown)
    return {"acknowledged": len(acknowledged), "remaining": remaining}


def _on_other_question(transcript, text: str) -> bool:
    current = transcript.questions[transcript.current]
    return all(p.text != text for p in current.parts)


def main(trials: int = 100) -> None:
    import tempfile

    rng = random.Random(2026)
    started = time.monotonic()
    for index in range(trials):
        with tempfile.TemporaryDirectory() as work:
            result = run_trial(Path(work), rng)
        print(
            f"trial {index + 1:>3}: {result['acknowledged']} answers kept, "
            f"{result['remaining']} s shown"
        )
    print(f"{trials} kill -9 trials, no answer lost, in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
