"""Bring a stored session up to date when it is next opened, by any command.

A session can be left behind mid-way: its deadline passed while the app was closed, or the process
was killed between "finished" and "graded". Whoever opens it next (resume, history, stats, export,
the TUI's Home) calls ``settle``, which finishes and grades it exactly as the running app would
have; grading reads only the transcript, so settling twice changes nothing. This module is cheap
to import: the engine (sympy, generators) loads only when a session really needs settling.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from interview_sim.engine.transcript import CREATED, FINISHED, STARTED, Transcript


def needs_settling(transcript: Transcript, now: float) -> bool:
    """True for a finished-but-ungraded session, or a running one whose deadline has passed."""
    if transcript.state == FINISHED:
        return True
    deadline = transcript.deadline
    return transcript.state == STARTED and deadline is not None and now >= deadline


def settle(store: Any, transcript: Transcript, clock: Any = time.time) -> Transcript:
    """Finish and grade ``transcript`` if it needs it, saving through ``store``; returns it.

    A session another live process holds is left to that process (it settles it itself). If the
    data dir cannot be written the graded state is still returned, so the caller shows the right
    score, and the file is settled again next time.
    """
    if not needs_settling(transcript, clock()):
        return transcript
    from interview_sim.engine.session import Session, SessionError
    from interview_sim.store.files import SessionLocked

    held = store.holds(transcript.id)
    try:
        store.lock(transcript.id)
    except SessionLocked:
        return transcript
    except Exception:  # the data dir cannot be written (read-only, full): grade in memory only
        Session(transcript, clock=clock).settle()
        return transcript
    try:
        Session(transcript, clock=clock, store=store).settle()
    except SessionError:  # SaveFailed: graded in memory, written on the next open
        pass
    finally:
        if not held:
            store.release(transcript.id)
    return transcript


def resumable(transcripts: Iterable[Transcript], now: float) -> list[Transcript]:
    """Unfinished sessions in the order to offer them: timed sessions whose clock is running
    first (soonest deadline first: that time is being lost), then the rest, newest first."""
    unfinished = [t for t in transcripts if t.state in (CREATED, STARTED)]

    def running(t: Transcript) -> bool:
        return t.state == STARTED and t.deadline is not None and t.deadline > now

    clock_running = sorted((t for t in unfinished if running(t)), key=lambda t: t.deadline or 0)
    others = sorted((t for t in unfinished if not running(t)), key=lambda t: -t.created_at)
    return clock_running + others
