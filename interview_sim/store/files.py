"""Crash-safe files: write-then-rename, and an advisory lock per running session.

``atomic_write`` writes a temporary file in the same directory, fsyncs it and renames it over the
target, so a kill -9 at any instant leaves either the old or the new complete file, never a torn
one. The lock is ``flock`` on a side file: the kernel drops it when the holder dies, so a crashed
session is never locked forever, while a second live process is refused.

A write that the file system refuses (read-only, not a directory, disk full, no permission) raises
``StorageError``: an ``OSError`` whose message names the path, the cause and what to do, so the
CLI prints one line and the TUI can keep its state in memory and retry.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_CAUSES = {
    errno.ENOSPC: "the disk is full; free some space",
    errno.EDQUOT: "the disk quota is exhausted; free some space",
    errno.EROFS: "the file system is read-only; choose a writable --data-dir",
    errno.EACCES: "permission denied; choose a writable --data-dir or fix its permissions",
    errno.EPERM: "permission denied; choose a writable --data-dir or fix its permissions",
    errno.ENOTDIR: "a file is in the way where a folder is needed; move it or choose another "
    "--data-dir",
    errno.EEXIST: "a file is in the way where a folder is needed; move it or choose another "
    "--data-dir",
    errno.EISDIR: "a folder is in the way where a file is needed; move it or choose another path",
    errno.ENAMETOOLONG: "the path is too long; choose a shorter --data-dir",
    errno.EIO: "the disk reported an input/output error",
}


class StorageError(OSError):
    """The file system refused a write; the message says where, why and what to do."""


@contextmanager
def storage(action: str, path: Path) -> Iterator[None]:
    """Turn the file system's refusals while doing ``action`` on ``path`` into StorageError."""
    try:
        yield
    except StorageError:
        raise
    except OSError as error:
        cause = _CAUSES.get(error.errno or 0, error.strerror or str(error))
        raise StorageError(error.errno or 0, f"cannot {action} {path}: {cause}") from error


def make_dirs(path: Path) -> None:
    with storage("create the folder", path):
        path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(path))


def atomic_write(path: Path, data: bytes) -> None:
    make_dirs(path.parent)
    with storage("save", path):
        _atomic_write(path, data)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def create_exclusive(path: Path, data: bytes) -> bool:
    """Create ``path`` holding ``data`` only if no file has that name (O_EXCL): False if the name
    is taken. Two processes can never create the same file; the content is written and fsynced
    before this returns, so the new file is never left empty in normal operation."""
    make_dirs(path.parent)
    with storage("create", path):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        except FileExistsError:
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            path.unlink(missing_ok=True)  # ours alone: O_EXCL made it a moment ago
            raise
    return True


class NotRegularFile(ValueError):
    """A path that should be a transcript but is a folder, link, FIFO, socket or device."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, without following a symlink and
    without blocking on a FIFO or device (those are refused, never opened for reading)."""
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(f"not a regular file ({_file_type(info.st_mode)}); skipped")
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)  # the path may have been swapped since lstat
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"not a regular file ({_file_type(info.st_mode)}); skipped")
        if info.st_size > limit:
            raise NotRegularFile(f"{info.st_size:,} bytes is larger than the {limit:,} allowed")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise NotRegularFile(f"larger than the {limit:,} bytes allowed")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a file"


class SessionLocked(RuntimeError):
    """Another live process has this session open."""


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        make_dirs(self.path.parent)
        with storage("lock", self.path):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SessionLocked(
                f"this session is open in another interview-sim process ({self.path.stem}); "
                "close that one first"
            ) from None
        self._fd = fd
        with storage("lock", self.path):
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
