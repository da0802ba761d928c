"""Sessions on disk: one JSON transcript per session under ``<data dir>/sessions/``.

A torn or corrupted file is reported with its path, never overwritten, and never hides the other
sessions. A session opened for writing is locked, so a second process is refused.
"""

from __future__ import annotations

import gc
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_sim.engine.settle import resumable, settle
from interview_sim.engine.transcript import Transcript, TranscriptError
from interview_sim.store.files import FileLock, atomic_write

if TYPE_CHECKING:  # the engine pulls in sympy and the generators: import it only to open
    from interview_sim.engine.session import Clock, Session


class CorruptSession(ValueError):
    """A transcript file that cannot be read; it is left untouched."""


class UnknownSession(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Summary:
    id: str
    preset: str
    title: str
    code: str
    state: str
    created_at: float
    percent: float | None
    passed: bool | None
    duration: float | None


class SessionStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.dir = self.root / "sessions"
        self._locks: dict[str, FileLock] = {}

    def path(self, session_id: str) -> Path:
        return self.dir / f"{session_id}.json"

    # -- writing -------------------------------------------------------------------------------
    def save(self, transcript: Transcript) -> None:
        # default=vars serialises the nested dataclasses without asdict's deep copy (~2 ms a save)
        data = json.dumps(transcript, default=vars, ensure_ascii=False, separators=(",", ":"))
        atomic_write(self.path(transcript.id), data.encode("utf-8"))

    def lock(self, session_id: str) -> None:
        """Hold the session for this process (refused if another live process holds it)."""
        if session_id not in self._locks:
            lock = FileLock(self.dir / f".{session_id}.lock")
            lock.acquire()
            self._locks[session_id] = lock

    def holds(self, session_id: str) -> bool:
        """True if this process has the session locked for writing."""
        return session_id in self._locks

    def release(self, session_id: str) -> None:
        lock = self._locks.pop(session_id, None)
        if lock is not None:
            lock.release()

    # -- reading -------------------------------------------------------------------------------
    def load(self, session_id: str) -> Transcript:
        path = self.path(session_id)
        if not path.exists():
            raise UnknownSession(f"no session {session_id!r} in {self.dir}")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Transcript.from_json(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CorruptSession(
                f"{path}: the file is damaged and cannot be read ({error})"
            ) from None
        except TranscriptError as error:
            raise CorruptSession(f"{path}: {error}") from None

    def open(self, session_id: str, clock: Clock = time.time) -> Session:
        """Open a session for writing: lock it, and finish and grade it if it was left behind
        (deadline passed meanwhile, or killed between finishing and grading)."""
        from interview_sim.engine.session import SaveFailed, Session

        transcript = self.load(session_id)
        self.lock(session_id)
        session = Session(transcript, clock=clock, store=self)
        try:
            session.settle()
        except SaveFailed:  # graded in memory; session.save_error says so, later saves retry
            pass
        return session

    def create(self, session: Session) -> Session:
        session.store = self
        self.lock(session.transcript.id)
        self.save(session.transcript)
        return session

    def ids(self) -> list[str]:
        if not self.dir.is_dir():
            return []
        return sorted(p.stem for p in self.dir.glob("*.json"))

    def resolve(self, ref: str | None, *, unfinished: bool = False) -> str:
        """A session id from an id, a unique prefix, or None for the most recent one."""
        ids = self.ids()
        if ref:
            matches = [i for i in ids if i == ref] or [i for i in ids if i.startswith(ref)]
            if len(matches) == 1:
                return matches[0]
            if not matches:
                raise UnknownSession(f"no session matches {ref!r}; see `interview-sim history`")
            raise UnknownSession(f"{ref!r} matches {len(matches)} sessions; type more of the id")
        transcripts, _ = self.transcripts()
        if unfinished:  # a timed session whose clock is running comes first
            candidates = resumable(transcripts, time.time())
        else:
            candidates = sorted(transcripts, key=lambda t: -t.created_at)
        if not candidates:
            what = "unfinished session" if unfinished else "session"
            raise UnknownSession(f"there is no {what} in {self.dir}")
        return candidates[0].id

    def transcripts(self, clock: Clock = time.time) -> tuple[list[Transcript], list[str]]:
        """Every readable transcript, and an error line per damaged file (which stays as it is).

        Sessions left behind (deadline passed by ``clock``, or finished but never graded) are
        finished and graded on the way (engine.settle), so every listing shows their score."""
        found, errors = [], []
        # Loading allocates many small acyclic objects; the cyclic GC would re-scan the growing
        # heap again and again (about a third of the time for 1,000 sessions), so pause it.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for session_id in self.ids():
                try:
                    found.append(settle(self, self.load(session_id), clock))
                except CorruptSession as error:
                    errors.append(str(error))
        finally:
            if was_enabled:
                gc.enable()
        return found, errors

    def summaries(self, clock: Clock = time.time) -> tuple[list[Summary], list[str]]:
        transcripts, errors = self.transcripts(clock)
        return [summarise(t) for t in transcripts], errors


def summarise(t: Transcript) -> Summary:
    results: dict[str, Any] = t.results or {}
    return Summary(
        id=t.id,
        preset=t.preset.get("name", "?"),
        title=t.preset.get("title", "?"),
        code=t.code,
        state=t.state,
        created_at=t.created_at,
        percent=results.get("percent"),
        passed=results.get("passed"),
        duration=results.get("duration"),
    )
