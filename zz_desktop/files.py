"""Files the app writes (exports, reports, logs, backups) are for the owner only: 0600 files,
0700 directories. The process umask makes that the default for everything created (SQLCipher,
ReportLab, logging); ``write_private`` and ``make_private`` also tighten files that existed."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def owner_only_umask() -> None:
    """Called once at start (CLI and GUI): new files 0600, new directories 0700."""
    os.umask(0o077)


def make_private(path: Path) -> None:
    if os.name == "posix" and path.exists():
        os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` readable by the owner only (atomic replace)."""
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    make_private(tmp)
    tmp.replace(path)
    return path
