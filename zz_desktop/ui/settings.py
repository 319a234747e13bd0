"""Every GUI setting declared once (key, type, default) and read/written through QSettings.

QSettings holds only window layout and preferences: never personal data, never a credential.
Settings that travel with the profile (backup keep days) live in the encrypted store instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

#: Version of the stored settings layout; :func:`upgrade` migrates older layouts.
SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any


LANGUAGE = Option("ui/language", str, "de")
GEOMETRY = Option("window/geometry", bytes, b"")
WINDOW_STATE = Option("window/state", bytes, b"")

OPTIONS = (LANGUAGE, GEOMETRY, WINDOW_STATE)


def qsettings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Zukunftszentren", "zz-desktop"
    )


def get(option: Option) -> Any:
    value = qsettings().value(option.key, option.default)
    if value is None:
        return option.default
    if option.type is bytes:
        return bytes(value) if value else b""
    try:
        return option.type(value)
    except (TypeError, ValueError):
        return option.default


def put(option: Option, value: Any) -> None:
    qsettings().setValue(option.key, value)


def columns_key(entity: str) -> str:
    return f"columns/{entity}"


def upgrade() -> None:
    """Bring stored settings to the current layout (nothing to migrate yet beyond stamping)."""
    s = qsettings()
    if int(s.value("settings/version", 0) or 0) < SETTINGS_VERSION:
        s.setValue("settings/version", SETTINGS_VERSION)
