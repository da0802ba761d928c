"""Crash-safety trials for the TUI: text typed into a box but never entered survives SIGKILL.

Each trial runs the real ``interview-sim run`` TUI in a pseudo-terminal, presses enter at once
(before the exam is built: the key must be kept), waits for the first question, types an answer
without pressing enter, and SIGKILLs the process: either once the draft is on disk (measuring how
long that took after the last key; the kill must not damage or revert it) or at a random instant
while typing (the file must still be readable, and any saved draft a prefix of what was typed).
Then it reopens the session with a clock past the deadline and checks the draft was submitted as
the answer. The test suite runs a few trials; ``python -m bench.crash_tui 20`` runs more.
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from bench.crash import PRESET
from interview_sim.store.sessions import SessionStore

ANSWERS = ["0.25", "1/3", "7/9", "ln(3)", "0.42", "3/4"]
TYPING = 1.5  # seconds: a random kill lands within this long after the first key
PATIENCE = 20.0  # seconds to wait for the draft on disk (the TUI's delay is 0.5 s when idle)


class Terminal:
    """A child process on a pseudo-terminal whose output is drained (and kept) by a thread."""

    def __init__(self, command: list[str], rows: int = 30, columns: int = 100) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def wait_for(self, marker: str, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while marker.encode() not in self.output:
            if self.process.poll() is not None:
                raise RuntimeError(f"the TUI exited early:\n{self.output.decode(errors='replace')}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {marker!r} on screen within {timeout} s")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def run_trial(work: Path, rng: random.Random, *, settled: bool) -> dict:
    """One kill trial; raises AssertionError if typed text is lost or the file is damaged."""
    data_dir = work / "data"
    preset = work / "crashtest.toml"
    preset.write_text(PRESET)
    command = [sys.executable, "-m", "interview_sim.cli", "--data-dir", str(data_dir), "run"]
    command += [str(preset), "--seed", str(rng.randrange(10**6))]
    typed = rng.choice(ANSWERS)
    terminal = Terminal(command)
    try:
        terminal.wait_for("Press enter")
        terminal.type("\r")  # at once: the exam may still be building
        terminal.wait_for("question 1 of")  # shown together with the focus on the first box
        kill_at = time.monotonic() + rng.uniform(0.0, TYPING)
        for char in typed:
            terminal.type(char)
            time.sleep(rng.uniform(0.0, 0.08))
        store = SessionStore(data_dir)
        (session_id,) = store.ids()
        if settled:
            latency = _wait_for_draft(store, session_id, typed)
            time.sleep(rng.uniform(0.0, 0.3))
        else:
            latency = None
            time.sleep(max(0.0, kill_at - time.monotonic()))
    finally:
        terminal.kill()

    transcript = store.load(session_id)  # a torn file would raise CorruptSession
    part = transcript.questions[0].parts[0]
    assert part.text is None, "nothing was entered"
    if settled:
        assert part.draft == typed, (part.draft, typed)
    else:
        assert part.draft is None or typed.startswith(part.draft), (part.draft, typed)
    after_deadline = (transcript.deadline or 0) + 1
    session = store.open(session_id, clock=lambda: after_deadline)
    graded = session.transcript.questions[0].parts[0]
    assert session.transcript.state == "graded"
    assert graded.text == part.draft, "the draft was submitted at time-up"
    store.release(session_id)
    return {"typed": typed, "draft": part.draft, "latency": latency}


def _wait_for_draft(store: SessionStore, session_id: str, typed: str) -> float:
    """Seconds from the last key until the whole text is on disk as a draft."""
    started = time.monotonic()
    while time.monotonic() - started < PATIENCE:
        if store.load(session_id).questions[0].parts[0].draft == typed:
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"the typed text {typed!r} was not saved within {PATIENCE} s")


def main(trials: int = 20) -> None:
    import tempfile

    rng = random.Random(2026)
    started = time.monotonic()
    kept, latencies = 0, []
    for index in range(trials):
        settled = index % 2 == 0
        with tempfile.TemporaryDirectory() as work:
            result = run_trial(Path(work), rng, settled=settled)
        kept += result["draft"] == result["typed"]
        when = "after the draft delay" if settled else "while typing"
        typed, draft = result["typed"], result["draft"]
        if result["latency"] is not None:
            latencies.append(result["latency"])
            when += f" (saved {result['latency']:.2f} s after the last key)"
        print(f"trial {index + 1:>3}: killed {when}; typed {typed!r}, kept {draft!r}")
    slowest = f", slowest draft save {max(latencies):.2f} s" if latencies else ""
    print(
        f"{trials} kill -9 trials of the TUI, no damaged file, {kept} full drafts kept"
        f"{slowest}, in {time.monotonic() - started:.0f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
