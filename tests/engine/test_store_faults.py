"""Fault injection on the session store: colliding ids, hostile ids, damaged and special files,
and data dirs that refuse writes. Each damaged file must be reported by path and reason, left as
it is, and never hide the good sessions in any command."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from interview_sim.cli import main
from interview_sim.engine.session import SaveFailed, Session
from interview_sim.store.files import StorageError
from interview_sim.store.sessions import CorruptSession, SessionStore

from .helpers import TINY_EXAM, FakeClock, write_preset


def graded(tmp_path: Path, seed: int = 1) -> tuple[SessionStore, Session]:
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    session = store.create(Session.create(preset, seed, clock=FakeClock(1.7e9 + seed)))
    session.start()
    for question in session.transcript.questions:
        for part in question.parts:
            session.answer(question.slot, part.id, part.expected)
    session.finish()
    store.release(session.transcript.id)
    return store, session


# -- ids -------------------------------------------------------------------------------------
def test_six_sessions_started_in_one_second_get_six_files(tmp_path: Path):
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    clock = FakeClock(1.7e9)  # the same second for all six
    seeds = [7 + k * 100_000 for k in range(6)]  # equal mod 100,000, the old id's seed part
    sessions = [store.create(Session.create(preset, seed, clock=clock)) for seed in seeds]
    for session in sessions:
        session.start()
        question = session.transcript.questions[0]
        session.answer(0, question.parts[0].id, question.parts[0].expected)
    ids = {s.transcript.id for s in sessions}
    assert len(ids) == 6 and set(store.ids()) == ids
    for session in sessions:
        saved = store.load(session.transcript.id)
        assert saved.exam_seed == session.transcript.exam_seed, "each answer is in its own file"
        assert saved.questions[0].parts[0].text == session.transcript.questions[0].parts[0].text


def test_six_plain_mock_exams_back_to_back_keep_six_transcripts(tmp_path, monkeypatch, capsys):
    preset = write_preset(tmp_path, TINY_EXAM)
    data = tmp_path / "data"
    for k in range(6):  # seeds equal mod 100,000, which the old ids kept
        monkeypatch.setattr(sys, "stdin", _stdin(tmp_path, b"\nsomething\nquit\n"))
        seed = str(7 + k * 100_000)
        code = main(["--data-dir", str(data), "run", str(preset.source), "--plain", "--seed", seed])
        assert code == 0
        assert "saved" in capsys.readouterr().out
    assert len(SessionStore(data).ids()) == 6


def _stdin(tmp_path: Path, data: bytes):
    path = tmp_path / "stdin.txt"
    path.write_bytes(data)
    return open(path, encoding="utf-8")  # noqa: SIM115 - closed with the test's tmp_path


def test_concurrent_creation_never_reuses_a_file(tmp_path: Path):
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    clock = FakeClock(1.7e9)
    created: list[str] = []

    def start() -> None:
        session = Session.create(preset, 5, clock=clock)
        created.append(SessionStore(tmp_path / "data").create(session).transcript.id)

    threads = [threading.Thread(target=start) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(created)) == 12 and len(store.ids()) == 12


def test_a_transcripts_id_field_never_chooses_where_it_is_written(tmp_path: Path):
    store, session = graded(tmp_path)
    path = store.path(session.transcript.id)
    data = json.loads(path.read_text())
    data["id"] = "../../escaped"
    path.write_text(json.dumps(data))
    loaded = store.load(session.transcript.id)
    assert loaded.id == session.transcript.id
    store.save(loaded)
    assert not (tmp_path / "escaped.json").exists() and not (store.root / "escaped.json").exists()
    assert sorted(p.name for p in store.dir.iterdir() if not p.name.startswith(".")) == [path.name]


@pytest.mark.parametrize("ref", ["../x", "a/b", ".hidden", "", "x\0y"])
def test_ids_that_are_paths_are_refused(tmp_path: Path, ref: str):
    store = SessionStore(tmp_path / "data")
    with pytest.raises(KeyError):
        store.path(ref)


# -- damaged transcripts ------------------------------------------------------------------------
def _set(path: str, value) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        target = data
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _drop(key: str) -> Callable[[dict], None]:
    return lambda data: data.pop(key)


def _deep(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


DAMAGE = {
    "created_at null": _set("created_at", None),
    "created_at string": _set("created_at", "yesterday"),
    "created_at bool": _set("created_at", True),
    "preset a list": _set("preset", []),
    "preset name a list": _set("preset.name", ["x"]),
    "preset title missing": lambda d: d["preset"].pop("title"),
    "state unknown": _set("state", "exploded"),
    "state a number": _set("state", 3),
    "questions an object": _set("questions", {}),
    "question a string": _set("questions.0", "q"),
    "parts null": _set("questions.0.parts", None),
    "part weight a string": _set("questions.0.parts.0.weight", "1"),
    "part text a number": _set("questions.0.parts.0.text", 42),
    "part final a list": _set("questions.0.parts.0.final", []),
    "options not pairs": _set("questions.0.parts.0.options", "ab"),
    "params deeply nested": _set("questions.0.params", {"p": _deep(200)}),
    "events not objects": _set("events", [1, 2]),
    "results a list": _set("results", []),
    "results percent a string": _set("results.percent", "100"),
    "results passed a string": _set("results.passed", "yes"),
    "results sections rows missing score": _set("results.sections", [{"title": "A"}]),
    "results questions a string": _set("results.questions", "all"),
    "slot a float": _set("questions.0.slot", 0.5),
    "missing code": _drop("code"),
    "missing questions": _drop("questions"),
    "unknown field": _set("surprise", 1),
    "top level a list": None,
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_a_wrong_valid_json_transcript_is_reported_and_hides_nothing(tmp_path: Path, name: str):
    store, good = graded(tmp_path, 1)
    _, bad = graded(tmp_path, 2)
    path = store.path(bad.transcript.id)
    data = json.loads(path.read_text())
    if DAMAGE[name] is None:
        data = [data]
    else:
        DAMAGE[name](data)
    path.write_text(json.dumps(data))
    _assert_reported_and_harmless(tmp_path, store, good, path)


RAW = {
    "empty": b"",
    "torn": b'{"schema": 1, "id": "x", "pre',
    "not utf-8": b'{"schema": 1, "id": "\xff\xfe"}',
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "NaN created_at": None,  # filled below from a real transcript
    "9 MiB": b" " * (9 * 1024 * 1024) + b"{}",
    "a number": b"3",
    "null": b"null",
}


@pytest.mark.parametrize("name", sorted(RAW))
def test_an_unreadable_file_is_reported_and_hides_nothing(tmp_path: Path, name: str):
    store, good = graded(tmp_path, 1)
    _, bad = graded(tmp_path, 2)
    path = store.path(bad.transcript.id)
    raw = RAW[name]
    if raw is None:
        raw = path.read_bytes().replace(b'"created_at":', b'"created_at":NaN,"x":', 1)
    path.write_bytes(raw)
    _assert_reported_and_harmless(tmp_path, store, good, path)


def _special_files(directory: Path) -> dict[str, Callable[[Path], None]]:
    def fifo(path: Path) -> None:
        os.mkfifo(path)

    def sock(path: Path) -> None:
        server, cwd = socket.socket(socket.AF_UNIX), os.getcwd()
        os.chdir(path.parent)  # AF_UNIX paths are limited to ~100 bytes: bind a relative one
        try:
            server.bind(path.name)
        finally:
            os.chdir(cwd)
            server.close()

    return {
        "a folder": lambda p: p.mkdir(),
        "a FIFO": fifo,
        "a socket": sock,
        "a dangling symlink": lambda p: p.symlink_to(directory / "nowhere.json"),
        "a symlink to an endless device": lambda p: p.symlink_to("/dev/zero"),
        "a symlink to a FIFO": lambda p: (fifo(directory / "pipe"), p.symlink_to("pipe")),
        "a symlink loop": lambda p: p.symlink_to(p.name),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "a folder",
        "a FIFO",
        "a socket",
        "a dangling symlink",
        "a symlink to an endless device",
        "a symlink to a FIFO",
        "a symlink loop",
    ],
)
def test_special_files_named_json_are_skipped_without_blocking(tmp_path: Path, kind: str):
    store, good = graded(tmp_path, 1)
    path = store.dir / "20990101-000000-special-abcdef.json"
    _special_files(store.dir)[kind](path)
    _assert_reported_and_harmless(tmp_path, store, good, path, isolated=True)


def _assert_reported_and_harmless(
    tmp_path: Path, store: SessionStore, good: Session, path: Path, *, isolated: bool = False
) -> None:
    """The damaged file is reported by path, and history, stats, export and resume still work
    for the good session. ``isolated`` runs the commands in a fresh process with a timeout, for
    files that could make a careless reader block."""
    before = _fingerprint(path)
    with pytest.raises(CorruptSession, match="left as it is|skipped|cannot be read") as caught:
        store.load(path.name.removesuffix(".json"))
    assert str(path) in str(caught.value)
    transcripts, errors = store.transcripts()
    assert [t.id for t in transcripts] == [good.transcript.id]
    assert len(errors) == 1 and str(path) in errors[0]
    assert path in store.damaged
    for command in (["history"], ["stats", "--json"], ["export"], ["resume", "--plain"]):
        code, out, err = _command(tmp_path, store.root, command, isolated)
        assert "Traceback" not in err, (command, err)
        assert err.count(str(path)) == 1, ("reported once, by path", command, err)
        if command[0] == "history":
            assert code == 0 and good.transcript.id in out
        elif command[0] == "stats":
            assert code == 0 and json.loads(out)["sessions"] == 1
        elif command[0] == "export":
            assert code == 0 and good.transcript.code in out
        else:  # nothing unfinished but the damaged one: a clear refusal, not a crash
            assert code == 2 and "no unfinished session" in err, err
    assert _fingerprint(path) == before, "the damaged file is never rewritten"


def _command(tmp_path: Path, data: Path, command: list[str], isolated: bool):
    argv = ["--data-dir", str(data), *command]
    if isolated:
        result = subprocess.run(
            [sys.executable, "-m", "interview_sim", *argv],
            capture_output=True,
            text=True,
            timeout=60,
            input="quit\n",
        )
        return result.returncode, result.stdout, result.stderr
    with pytest.MonkeyPatch.context() as patch, _Captured() as captured:
        patch.setattr(sys, "stdin", _stdin(tmp_path, b"quit\n"))
        code = main(argv)
    return code, captured.out.getvalue(), captured.err.getvalue()


class _Captured:
    def __enter__(self):
        import contextlib
        import io

        self.out, self.err = io.StringIO(), io.StringIO()
        self._stack = contextlib.ExitStack()
        self._stack.enter_context(contextlib.redirect_stdout(self.out))
        self._stack.enter_context(contextlib.redirect_stderr(self.err))
        return self

    def __exit__(self, *exc):
        self._stack.close()


def _fingerprint(path: Path):
    info = os.lstat(path)
    content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    return info.st_mode, info.st_size, info.st_mtime_ns, content


def test_resume_picks_the_good_unfinished_session_past_a_damaged_one(tmp_path: Path):
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    # started now, so its clock is still running when resolve() settles sessions by real time
    good = store.create(Session.create(preset, 1, clock=FakeClock(time.time())))
    good.start()
    store.release(good.transcript.id)
    bad = store.create(Session.create(preset, 2, clock=FakeClock(1.8e9)))  # the latest
    store.release(bad.transcript.id)
    store.path(bad.transcript.id).write_text('{"schema": 1, "created_at": null}')
    assert store.resolve(None, unfinished=True) == good.transcript.id


# -- data dirs that refuse writes ----------------------------------------------------------------
def _run(tmp_path: Path, data: Path, capsys) -> tuple[int, str]:
    preset = write_preset(tmp_path, TINY_EXAM)
    code = main(["--data-dir", str(data), "run", str(preset.source), "--plain"])
    return code, capsys.readouterr().err


def test_a_data_dir_that_is_a_file_gives_one_clear_line(tmp_path: Path, capsys):
    data = tmp_path / "data"
    data.write_text("not a folder")
    code, err = _run(tmp_path, data, capsys)
    assert code == 2 and err.count("\n") == 1 and str(data) in err and "folder" in err
    assert "Traceback" not in err
    for command in (["history"], ["stats"], ["export"], ["resume", "--plain"]):
        assert main(["--data-dir", str(data), *command]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "folder" in err and "Traceback" not in err, command
    transcripts, errors = SessionStore(data).transcripts()  # what the TUI's lists call
    assert transcripts == [] and len(errors) == 1 and str(data) in errors[0]
    assert data.read_text() == "not a folder"


@pytest.mark.parametrize(
    "code, words",
    [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permission")],
)
def test_refused_writes_give_one_clear_line(tmp_path: Path, capsys, monkeypatch, code, words):
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and "data" in str(path):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    status, err = _run(tmp_path, tmp_path / "data", capsys)
    assert status == 2 and err.count("\n") == 1 and words in err, err


def test_a_full_disk_mid_session_raises_storage_error_and_keeps_memory(tmp_path, monkeypatch):
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    session = store.create(Session.create(preset, 3, clock=FakeClock()))
    session.start()
    path = store.path(session.transcript.id)
    before = path.read_bytes()
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    part = session.transcript.questions[0].parts[0]
    with pytest.raises(SaveFailed, match="disk is full") as caught:
        session.answer(0, part.id, part.expected)
    cause = caught.value.__cause__
    assert isinstance(cause, StorageError) and cause.errno == errno.ENOSPC
    assert path.read_bytes() == before, "the saved file is intact"
    assert not [p for p in store.dir.iterdir() if p.name.endswith(".tmp")], "no temp left"
    assert session.transcript.questions[0].parts[0].text == part.expected, "kept in memory"
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert session.retry_save()  # the retry succeeds once space is back
    assert store.load(session.transcript.id).questions[0].parts[0].text == part.expected


def _tmpfs(path: Path, options: str) -> bool:
    path.mkdir()
    if os.geteuid() != 0:
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True
    )
    return result.returncode == 0


@pytest.fixture
def small_tmpfs(tmp_path: Path):
    mount = tmp_path / "small"
    if not _tmpfs(mount, "size=64k"):
        pytest.skip("mounting a tmpfs needs root and a kernel that allows it")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=False)  # a lock fd may be open


def test_a_real_full_disk_gives_one_clear_line(tmp_path: Path, small_tmpfs: Path, capsys):
    (small_tmpfs / "filler").write_bytes(b"x" * 60_000)
    status, err = _run(tmp_path, small_tmpfs / "data", capsys)
    assert status == 2 and err.count("\n") == 1 and "disk is full" in err, err


def test_a_real_read_only_data_dir_gives_one_clear_line(tmp_path: Path, small_tmpfs: Path, capsys):
    (small_tmpfs / "data").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    status, err = _run(tmp_path, small_tmpfs / "data", capsys)
    assert status == 2 and err.count("\n") == 1 and "read-only" in err, err


def test_the_schema_check_follows_fields_the_engine_adds():
    """The check is derived from the records' type hints: a new typed field is checked as soon
    as it exists, without editing the store."""
    import dataclasses as dc

    from interview_sim.store import schema

    @dc.dataclass
    class Record:
        name: str
        count: int = 0
        draft: str | None = None
        tags: list[str] = dc.field(default_factory=list)

    check = schema._checker(Record)
    check({"name": "x", "count": 2, "draft": None, "tags": ["a"]})
    for bad, where in (
        ({"count": 2}, "missing required field 'name'"),
        ({"name": "x", "count": "2"}, "count: expected a whole number"),
        ({"name": "x", "draft": 3}, "draft: expected a string"),
        ({"name": "x", "tags": ["a", 1]}, "tags[1]: expected a string"),
    ):
        with pytest.raises(schema._Mismatch) as caught:
            check(bad)
        assert where in caught.value.message()


def test_export_to_an_unwritable_place_gives_one_clear_line(tmp_path: Path, capsys):
    store, session = graded(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    argv = ["--data-dir", str(store.root), "export", "-o", str(blocker / "out.md")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(blocker) in err and "Traceback" not in err


def test_a_taken_name_is_never_overwritten_a_fresh_one_is_drawn(tmp_path: Path, monkeypatch):
    import interview_sim.store.sessions as sessions

    draws = iter(["aaaaaa", "aaaaaa", "bbbbbb"])
    monkeypatch.setattr(sessions.secrets, "token_hex", lambda n: next(draws))
    store = SessionStore(tmp_path / "data")
    preset = write_preset(tmp_path, TINY_EXAM)
    clock = FakeClock(1.7e9)
    first = store.create(Session.create(preset, 1, clock=clock))
    before = store.path(first.transcript.id).read_bytes()
    second = store.create(Session.create(preset, 2, clock=clock))
    assert first.transcript.id.endswith("aaaaaa") and second.transcript.id.endswith("bbbbbb")
    assert store.path(first.transcript.id).read_bytes() == before
    assert store.load(second.transcript.id).exam_seed == 2
