"""Logging to a rotating file in the platform log directory. Log lines name record ids and
actions, never personal data; tokens and keys are never passed to a logger."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from zz_desktop.files import make_private
from zz_desktop.paths import log_dir

_configured = False


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path:
    global _configured
    directory = directory or Path(os.environ.get("ZZ_LOG_DIR") or log_dir())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "zz-desktop.log"
    if not _configured:
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        # An older log may have been created world-readable (before owner_only_umask).
        make_private(directory)
        make_private(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger("zz_desktop")
        root.addHandler(handler)
        root.setLevel(level)
        _configured = True
    return path
