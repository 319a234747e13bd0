"""One sync round at a time per profile: an exclusive, non-blocking lock on ``sync.lock``."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from zz_desktop.sync.errors import SyncBusy

LOCK_FILE = "sync.lock"
_local = threading.Lock()
_held: set[str] = set()


@contextlib.contextmanager
def profile_lock(profile_dir: Path) -> Iterator[None]:
    path = Path(profile_dir) / LOCK_FILE
    key = str(path.resolve())
    with _local:
        if key in _held:  # same process, another thread
            raise SyncBusy()
        _held.add(key)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            _lock(fd)
        except OSError:
            raise SyncBusy() from None
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
        with _local:
            _held.discard(key)


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
