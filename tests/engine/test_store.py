"""Transcripts on disk: damaged files, the schema, and one writer per session."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interview_sim.engine.session import Session
from interview_sim.store.files import SessionLocked
from interview_sim.store.sessions import CorruptSession, SessionStore

from .helpers import TINY_EXAM, FakeClock, write_preset


def make(tmp_path: Path, seed: int = 1) -> tuple[SessionStore, Session]:
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    return store, store.create(Session.create(preset, seed, clock=FakeClock(1e9 + seed)))


def test_round_trip_keeps_everything_for_review(tmp_path: Path):
    store, session = make(tmp_path)
    session.start()
    session.answer(0, "odds", "1/4")
    session.finish()
    loaded = store.load(session.transcript.id)
    assert loaded == session.transcript
    question = loaded.questions[0]
    assert question.statement and question.solution and question.seed is not None
    assert question.parts[0].text == "1/4" and question.parts[0].read_as == "1/4"
    assert question.parts[0].final["expected"] == question.parts[0].expected


def test_torn_file_is_reported_by_name_and_never_overwritten(tmp_path: Path):
    store, good = make(tmp_path, 1)
    _, bad = make(tmp_path, 2)
    path = store.path(bad.transcript.id)
    torn = path.read_bytes()[:100]
    path.write_bytes(torn)
    with pytest.raises(CorruptSession, match=str(path)):
        store.load(bad.transcript.id)
    transcripts, errors = store.transcripts()
    assert [t.id for t in transcripts] == [good.transcript.id], "the others are still listed"
    assert len(errors) == 1 and str(path) in errors[0]
    assert path.read_bytes() == torn, "the damaged file is left as it was"


def test_unknown_schema_is_refused(tmp_path: Path):
    store, session = make(tmp_path)
    path = store.path(session.transcript.id)
    data = json.loads(path.read_text())
    data["schema"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptSession, match="schema version 99"):
        store.load(session.transcript.id)


def test_a_second_process_is_refused_while_the_first_holds_the_session(tmp_path: Path):
    store, session = make(tmp_path)
    script = (
        "import sys\n"
        "from interview_sim.store.sessions import SessionStore\n"
        "from interview_sim.store.files import SessionLocked\n"
        f"store = SessionStore({str(store.root)!r})\n"
        "try:\n"
        f"    store.open({session.transcript.id!r})\n"
        "except SessionLocked as error:\n"
        "    print('refused:', error); sys.exit(3)\n"
        "print('opened')\n"
    )
    held = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert held.returncode == 3 and "another interview-sim process" in held.stdout
    store.release(session.transcript.id)
    free = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert free.returncode == 0 and "opened" in free.stdout


def test_lock_is_refused_in_process_too(tmp_path: Path):
    store, session = make(tmp_path)
    other = SessionStore(store.root)
    with pytest.raises(SessionLocked):
        other.open(session.transcript.id)
