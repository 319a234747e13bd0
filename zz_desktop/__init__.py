"""Zukunftszentren Desktop: offline-first records of advice to SMEs and the self-employed."""

from importlib import metadata as _metadata


def _version() -> str:
    """The one version, from pyproject.toml via the installed distribution's metadata (a frozen
    build ships that metadata too); a bare source tree that was never installed says so."""
    try:
        return _metadata.version("zz-desktop")
    except _metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _version()
APP_NAME = "zz-desktop"
APP_TITLE = "Zukunftszentren Desktop"
