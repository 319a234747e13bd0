"""Helpers for driving the GUI like a user. ``type_text`` is THE way to type: QTest.keyClicks
aborts the process on non-ASCII characters in PySide6 6.12, so text is sent per character."""

from __future__ import annotations

import warnings
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from zz_desktop.ui import ops


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character (umlauts included)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def key(
    widget: QWidget, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key as the user would: in the active window (so that shortcuts fire)."""
    top = widget.window()
    if not top.isActiveWindow():
        top.activateWindow()
        with warnings.catch_warnings():
            # Offscreen windows are not activated by the platform; Qt's own test helpers do this.
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(top)
        QTest.qWaitForWindowActive(top, 1000)
    QTest.keyClick(widget, k, modifier)


def wait_ops(qtbot: object) -> None:
    """Wait until every operation on the thread pools has delivered its result."""
    qtbot.waitUntil(ops.idle, timeout=10_000)  # type: ignore[attr-defined]
    QApplication.processEvents()


def find_top(kind: type, predicate: Callable[[QWidget], bool] = lambda w: True) -> QWidget | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, kind) and w.isVisible() and predicate(w):
            return w
    return None
