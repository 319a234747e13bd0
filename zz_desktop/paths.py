"""Where things live: shipped resources and the per-user profile directories (platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from zz_desktop import APP_NAME

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("codelists", "laender.csv")``."""
    return RESOURCES.joinpath(*parts)


def default_profile_dir() -> Path:
    """The profile used when ``--profile`` is not given: the platform's user data directory."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
