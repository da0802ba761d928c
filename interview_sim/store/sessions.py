"""Sessions on disk: one JSON transcript per session under ``<data dir>/sessions/``.

A session's file is created with O_EXCL under a name with a random part, so two sessions started
in the same second never share a file; its id is its file name, never a field inside the file (a
transcript saying ``"id": "../../x"`` cannot make the store write elsewhere). On load a file must
be a regular file (folders, links, FIFOs and devices are skipped without being opened for
reading), at most ``MAX_BYTES``, and match the schema; anything else is reported with its path
and reason, never overwritten, and never hides the other sessions. A session opened for writing is
locked, so a second process is refused.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_sim.engine.settle import resumable, settle
from interview_sim.engine.transcript import SCHEMA, Transcript, TranscriptError, migrate
from interview_sim.store.files import (
    FileLock,
    NotRegularFile,
    StorageError,
    atomic_write,
    create_exclusive,
    read_regular,
    storage,
)
from interview_sim.store.schema import SchemaError, validate

MAX_BYTES = 8 * 1024 * 1024  # a long practice run is well under 1 MiB

if TYPE_CHECKING:  # the engine pulls in sympy and the generators: import it only to open
    from interview_sim.engine.session import Clock, Session


class CorruptSession(ValueError):
    """A transcript file that cannot be read; it is left untouched."""


def _serialise(transcript: Transcript) -> bytes:
    # default=vars serialises the nested dataclasses without asdict's deep copy (~2 ms a save)
    text = json.dumps(transcript, default=vars, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number a transcript can hold")


def _slug(text: str) -> str:
    """A preset name made safe for a file name (user presets may name themselves anything)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "session"


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
        self.damaged: dict[Path, str] = {}  # every damaged file seen, with its reason
        self.unreadable: StorageError | None = None  # the sessions folder itself, if unreadable

    def path(self, session_id: str) -> Path:
        if not session_id or session_id.startswith(".") or re.search(r"[/\\\0]", session_id):
            raise UnknownSession(f"{session_id!r} is not a session id; see `interview-sim history`")
        return self.dir / f"{session_id}.json"

    # -- writing -------------------------------------------------------------------------------
    def save(self, transcript: Transcript) -> None:
        atomic_write(self.path(transcript.id), _serialise(transcript))

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
        if not path.is_symlink() and not path.exists():
            raise UnknownSession(f"no session {session_id!r} in {self.dir}")
        try:
            data = json.loads(
                read_regular(path, MAX_BYTES).decode("utf-8"), parse_constant=_no_constants
            )
            if isinstance(data, dict):
                data = migrate(data)
            if isinstance(data, dict) and data.get("schema") == SCHEMA:
                validate(data)
            transcript = Transcript.from_json(data)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError) as error:
            if isinstance(error, NotRegularFile | SchemaError | TranscriptError):
                reason = str(error)
            elif isinstance(error, RecursionError):
                reason = "the file is damaged: nested too deeply to be a transcript"
            else:
                reason = f"the file is damaged and cannot be read ({error})"
            raise CorruptSession(f"{path}: {reason}; the file was left as it is") from None
        except OSError as error:
            raise CorruptSession(f"{path}: cannot be read ({error.strerror or error})") from None
        transcript.id = session_id  # the file name is the id, whatever the content says
        return transcript

    def open(self, session_id: str, clock: Clock = time.time) -> Session:
        """Open a session for writing: lock it, and finish and grade it if it was left behind
        (deadline passed meanwhile, or killed between finishing and grading)."""
        from interview_sim.engine.presets import PresetError
        from interview_sim.engine.session import SaveFailed, Session

        transcript = self.load(session_id)
        try:
            session = Session(transcript, clock=clock, store=self)
        except PresetError as error:
            raise CorruptSession(
                f"{self.path(session_id)}: its preset cannot be used ({error})"
            ) from None
        self.lock(session_id)
        try:
            session.settle()
        except SaveFailed:  # graded in memory; session.save_error says so, later saves retry
            pass
        return session

    def create(self, session: Session) -> Session:
        """Give a new session its own new file, never another session's: the id is the time, the
        preset and a random part, and the file is created with O_EXCL (a taken name is retried)."""
        transcript = session.transcript
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(transcript.created_at))
        preset = _slug(str(transcript.preset.get("name", "session")))
        for _ in range(100):
            transcript.id = f"{stamp}-{preset}-{secrets.token_hex(3)}"
            if create_exclusive(self.path(transcript.id), _serialise(transcript)):
                break
        else:
            raise StorageError(errno.EEXIST, f"cannot find a free session name in {self.dir}")
        session.store = self
        self.lock(transcript.id)
        return session

    def ids(self) -> list[str]:
        """Every session file's id (hidden files are the store's own temporaries and locks)."""
        with storage("read the sessions folder", self.dir):
            try:
                names = os.listdir(self.dir)
            except FileNotFoundError:  # no session saved yet
                return []
        return sorted(n[: -len(".json")] for n in names if n.endswith(".json") and n[0] != ".")

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
        if self.unreadable is not None:
            raise self.unreadable
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
        finished and graded on the way (engine.settle), so every listing shows their score.
        A sessions folder that cannot be read at all (the data dir is a file, no permission) is
        one error line here, so a screen listing sessions shows it instead of failing; it is
        also kept in ``unreadable`` for commands that must stop (exit 2) on it."""
        found, errors = [], []
        try:
            ids = self.ids()
        except StorageError as error:
            self.unreadable = error
            return [], [str(error)]
        # Loading allocates many small acyclic objects; the cyclic GC would re-scan the growing
        # heap again and again (about a third of the time for 1,000 sessions), so pause it.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for session_id in ids:
                try:
                    found.append(settle(self, self.load(session_id), clock))
                except CorruptSession as error:
                    errors.append(str(error))
                    self.damaged[self.path(session_id)] = str(error)
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
